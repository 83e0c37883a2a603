#!/usr/bin/env bash
# The checks CI runs before the test suites, and the pre-commit hook runs on commit:
# ruff (lint, complexity and formatting) on the code and tests, and mypy strict on recruit/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "ruff: lint and complexity"
.venv/bin/ruff check recruit tests scripts bench exports
echo "ruff: formatting"
.venv/bin/ruff format --check recruit tests scripts bench exports
echo "mypy (strict) on recruit/"
.venv/bin/mypy
