#!/usr/bin/env bash
# Scan a running recruit on 127.0.0.1 with wapiti (PyPI, in its own venv so its
# dependencies never mix with the app's), signed in as the demo HR adviser, on a scratch
# database loaded with the demo. Fails if wapiti reports anything above informational.
# Findings are triaged in docs/security.md. Extra arguments go to wapiti.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null

SCAN_VENV=.venv-scan
WAPITI_VERSION=3.2.3
if ! "$SCAN_VENV/bin/wapiti" --version 2>/dev/null | grep -q "$WAPITI_VERSION"; then
  python3.11 -m venv "$SCAN_VENV"
  "$SCAN_VENV/bin/pip" install -q "wapiti3==$WAPITI_VERSION"
fi

WORK=$(mktemp -d /tmp/recruit-scan.XXXXXX)
REPORT=${SCAN_REPORT:-$WORK/wapiti.json}
export FLASK_APP=recruit
export DATABASE_URL="sqlite:///$WORK/scan.sqlite"
.venv/bin/flask db upgrade >/dev/null
.venv/bin/flask question-bank load >/dev/null
.venv/bin/flask demo >/dev/null

# Served as in production: RECRUIT_ENV=production (Secure cookies, the production checks)
# over TLS with a throwaway self-signed certificate, so the cookie is sent back.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
PORT=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="https://127.0.0.1:$PORT"
RECRUIT_ENV=production SECRET_KEY=$(.venv/bin/python -c 'import secrets; print(secrets.token_hex(32))') \
  .venv/bin/gunicorn --workers 2 --bind "127.0.0.1:$PORT" --error-logfile "$WORK/gunicorn.log" \
  --certfile "$WORK/cert.pem" --keyfile "$WORK/key.pem" "recruit:create_app()" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT

.venv/bin/python scripts/scan_support.py wait "$BASE"
COOKIE=$(.venv/bin/python scripts/scan_support.py sign-in "$BASE" hr@demo.recruit.local \
  demo-password-for-trying-out)

# wapiti's default modules plus csrf, crlf and methods; not ssl (the certificate is a
# throwaway) nor ssrf (it calls out to wapiti's internet endpoint, which a closed network cannot reach).
MODULES=cookieflags,csp,exec,file,http_headers,permanentxss,redirect,sql,upload,xss,csrf,crlf,methods
"$SCAN_VENV/bin/wapiti" -u "$BASE/" --scope folder -C "recruit_session=$COOKIE" \
  -x "$BASE/sign-out" \
  -m "$MODULES" --flush-session --store-session "$WORK/session" \
  --max-scan-time "${SCAN_SECONDS:-900}" --max-attack-time 120 --max-links-per-page 40 \
  --tasks 4 --no-bugreport -f json -o "$REPORT" -v 0 "$@"

.venv/bin/python scripts/scan_support.py report "$REPORT" "$WORK/gunicorn.log"
