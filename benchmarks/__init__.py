"""Performance benchmarks for the site and its calculators (see benchmarks/README.md).

Run `.venv/bin/python benchmarks/run.py`; each module measures one thing and `run.py` ties
them together, prints the table and writes `benchmarks/results/latest.json`.
"""
