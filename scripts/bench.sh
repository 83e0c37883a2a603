#!/usr/bin/env bash
# The benchmark (issues #9 and #27): seeds a large dataset, serves it with gunicorn (2
# workers) and measures pages, exports, consolidation, queries per page and memory against
# baselines taken in the same run: the app's one-SELECT route, and the same SELECT in a bare
# Flask + Flask-SQLAlchemy app (bench/bare_app.py) under the same gunicorn settings.
# SQLite by default; PostgreSQL when DATABASE_URL names a database.
#   scripts/bench.sh                          # full scale, bench-results.json
#   scripts/bench.sh --scale 0.2 --duration 5 --out /tmp/bench.json
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/system-packages.sh
exec .venv/bin/python -m bench "$@"
