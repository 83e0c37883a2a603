"""The benchmark: seeds a large dataset, serves it with gunicorn, and measures the key pages,
the Word exports, consolidation, SQL queries per page and memory against baselines taken in
the same run. Run it with ``scripts/bench.sh`` (or ``python -m bench --help``).
"""
