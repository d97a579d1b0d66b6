"""The policy as typed records, built once from the compiled policy.json (index.py), with the text's parts (document.py)."""
