#!/usr/bin/env bash
# One command to run the whole test suite: installs what it needs, then runs pytest.
# RECRUIT_TEST_DATABASE=postgres runs it on PostgreSQL (a private server is started when
# RECRUIT_TEST_POSTGRES_URL is not given). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/system-packages.sh
# One pytest worker per CPU core (RECRUIT_TEST_WORKERS overrides; 0 runs in one process).
# Each worker has its own database, browser and servers on free ports; --dist loadfile
# keeps a module's tests (and its module-scoped fixtures, such as the bench run) together.
WORKERS=${RECRUIT_TEST_WORKERS:-auto}
echo "Running the tests on ${RECRUIT_TEST_DATABASE:-sqlite} with $WORKERS workers"
exec .venv/bin/python -m pytest -n "$WORKERS" --dist loadfile "$@"
