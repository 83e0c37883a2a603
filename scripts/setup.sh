#!/usr/bin/env bash
# Create the virtual environment and install the Python and npm dependencies, once per
# change of pyproject.toml or package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3

if [ ! -x .venv/bin/python ]; then
  echo "Creating the virtual environment (.venv)"
  "$PYTHON" -m venv .venv
fi

stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  echo "Installing Python dependencies"
  .venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
  .venv/bin/python -m pip install --quiet -e ".[test,lint]" 2>&1 | grep -v "^WARNING: Location" || true
  .venv/bin/python -c "import recruit, flask, docx, playwright" # fail loudly if the install did not work
  rm -f .venv/.installed-* && touch "$stamp"
fi

npm_stamp=node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)
if [ ! -f "$npm_stamp" ]; then
  echo "Installing GOV.UK Frontend (npm)"
  npm ci --no-audit --no-fund --silent
  touch "$npm_stamp"
fi
