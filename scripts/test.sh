#!/usr/bin/env bash
# One command to run the whole test suite: installs what it needs, then runs pytest.
# RECRUIT_TEST_DATABASE=postgres runs it on PostgreSQL (a private server is started when
# RECRUIT_TEST_POSTGRES_URL is not given). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/system-packages.sh
echo "Running the tests on ${RECRUIT_TEST_DATABASE:-sqlite}"
exec .venv/bin/python -m pytest "$@"
