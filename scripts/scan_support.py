"""Helpers for scripts/security-scan.sh: sign in for a session cookie; judge wapiti's report.

`wait BASE` waits (up to 60 s) until the server answers /healthz.
`sign-in BASE EMAIL PASSWORD` prints the session cookie's value.
`report WAPITI_JSON GUNICORN_LOG` prints every finding and exits 1 when anything is above
informational (a vulnerability or an anomaly such as a 500) or the server logged a traceback.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import ssl
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

COOKIE_NAME = "recruit_session"
# The scan serves the app over TLS with a throwaway self-signed certificate.
_THROWAWAY_TLS = ssl._create_unverified_context()  # noqa: S323


def wait_until_up(base: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=5, context=_THROWAWAY_TLS).read()
            return
        except OSError:  # refused, reset or timed out while the workers boot
            if time.monotonic() > deadline:
                raise SystemExit(f"scan: the server at {base} did not start") from None
            time.sleep(0.3)


def sign_in(base: str, email: str, password: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(jar),
        urllib.request.HTTPSHandler(context=_THROWAWAY_TLS),
    )
    page = opener.open(f"{base}/sign-in").read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    if token is None:
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    if token is None:
        raise SystemExit("scan: no CSRF token on the sign-in page")
    form = {"csrf_token": token.group(1), "email": email, "password": password}
    # Over HTTPS, Flask-WTF also checks that a post comes from the same site (Referer).
    posted = urllib.request.Request(
        f"{base}/sign-in",
        data=urllib.parse.urlencode(form).encode(),
        headers={"Referer": f"{base}/sign-in"},
    )
    opener.open(posted)
    for cookie in jar:
        if cookie.name == COOKIE_NAME and cookie.value:
            return cookie.value
    raise SystemExit("scan: signing in gave no session cookie")


def _findings(section: dict[str, list[dict]]) -> list[tuple[str, dict]]:
    return [(category, item) for category, items in section.items() for item in items]


def report(report_path: str, server_log: str) -> int:
    data = json.loads(Path(report_path).read_text())
    blocking = _findings(data.get("vulnerabilities", {})) + _findings(data.get("anomalies", {}))
    informational = _findings(data.get("additionals", {}))
    crawled = data.get("infos", {}).get("crawled_pages_nbr", "?")
    print(f"wapiti crawled {crawled} pages; report: {report_path}")
    for label, found in (("ABOVE INFORMATIONAL", blocking), ("informational", informational)):
        for category, item in found:
            where = f"{item.get('method', '')} {item.get('path', '')}".strip()
            print(f"  [{label}] {category}: {item.get('info', '')} ({where})")
    tracebacks = Path(server_log).read_text().count("Traceback")
    if tracebacks:
        print(f"  [ABOVE INFORMATIONAL] the server logged {tracebacks} traceback(s): {server_log}")
    if blocking or tracebacks:
        return 1
    print("Nothing above informational.")
    return 0


def main(arguments: list[str]) -> int:
    if arguments[:1] == ["wait"] and len(arguments) == 2:
        wait_until_up(arguments[1])
        return 0
    if arguments[:1] == ["sign-in"] and len(arguments) == 4:
        print(sign_in(*arguments[1:]))
        return 0
    if arguments[:1] == ["report"] and len(arguments) == 3:
        return report(*arguments[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
