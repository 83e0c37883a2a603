#!/usr/bin/env bash
# One command to try recruit: install, migrate, load the question bank and the demo, serve.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

export FLASK_APP=recruit
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-5000}

.venv/bin/flask db upgrade
if .venv/bin/flask --help | grep -q "question-bank"; then
  .venv/bin/flask question-bank load
fi
.venv/bin/flask demo
echo "Serving recruit on http://$HOST:$PORT (Ctrl+C to stop)"
exec .venv/bin/gunicorn --workers 2 --bind "$HOST:$PORT" --access-logfile - "recruit:create_app()"
