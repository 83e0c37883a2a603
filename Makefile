.PHONY: run test lint

# Install everything, migrate, load the question bank and demo, serve on 127.0.0.1:5000.
run:
	scripts/run.sh

# Run the whole test suite (SQLite; RECRUIT_TEST_DATABASE=postgres for PostgreSQL).
test:
	scripts/test.sh $(ARGS)

# ruff (lint, complexity, formatting) and mypy strict, as CI and the pre-commit hook run them.
lint:
	scripts/lint.sh
