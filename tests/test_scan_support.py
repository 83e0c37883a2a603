"""The security scan's judge: anything above informational, or a traceback, fails the scan."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "scan_support.py"
_spec = importlib.util.spec_from_file_location("scan_support", _SCRIPT)
assert _spec is not None and _spec.loader is not None
scan_support = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scan_support)


def _report(tmp_path: Path, **sections: dict) -> str:
    data = {"vulnerabilities": {}, "anomalies": {}, "additionals": {}, **sections}
    data["infos"] = {"crawled_pages_nbr": 3}
    path = tmp_path / "wapiti.json"
    path.write_text(json.dumps(data))
    return str(path)


def _log(tmp_path: Path, text: str = "[INFO] Booting worker\n") -> str:
    path = tmp_path / "gunicorn.log"
    path.write_text(text)
    return str(path)


FINDING = {"method": "POST", "path": "/vacancies/1/target", "info": "Lack of anti CSRF token"}


def test_informational_findings_pass(tmp_path, capsys):
    methods = {"HTTP Methods": [{"method": "GET", "path": "/", "info": "OPTIONS (200)"}]}
    assert scan_support.report(_report(tmp_path, additionals=methods), _log(tmp_path)) == 0
    assert "[informational] HTTP Methods" in capsys.readouterr().out


@pytest.mark.parametrize("section", ["vulnerabilities", "anomalies"])
def test_a_vulnerability_or_anomaly_fails_and_is_named(tmp_path, capsys, section):
    report = _report(tmp_path, **{section: {"Cross Site Request Forgery": [FINDING]}})
    assert scan_support.report(report, _log(tmp_path)) == 1
    out = capsys.readouterr().out
    assert "[ABOVE INFORMATIONAL] Cross Site Request Forgery" in out
    assert "POST /vacancies/1/target" in out


def test_a_traceback_in_the_server_log_fails(tmp_path, capsys):
    log = _log(tmp_path, "Unhandled error\nTraceback (most recent call last):\n")
    assert scan_support.report(_report(tmp_path), log) == 1
    assert "1 traceback(s)" in capsys.readouterr().out
