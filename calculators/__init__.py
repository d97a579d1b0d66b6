"""The policy's calculators: equal treatment and eligibility, from the compiled policy data.

Standard library only, so the same code runs in CPython (CLI, tests) and in Pyodide (the
site). Rules live in `policy/*.yaml`; this package gives the condition kinds their meaning and
words the answers in Chinese and English. Start at `api.run` or `python -m calculators`.
"""
