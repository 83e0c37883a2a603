"""Security headers, error pages in the service's style, the branded shell and its assets."""

from __future__ import annotations

import pytest
from flask import abort

from recruit.models import Role


def test_security_headers_on_every_page(client):
    response = client.get("/sign-in")
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cache-Control"] == "no-store"
    # Only production promises TLS (see tests/test_config.py).
    assert "Strict-Transport-Security" not in response.headers


def test_inline_script_carries_the_csp_nonce(client):
    response = client.get("/sign-in")
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.get_data(as_text=True)


def test_shell_has_organisation_name_and_no_govuk_branding(signed_in):
    client, _user = signed_in(Role.HR)
    page = client.get("/").get_data(as_text=True)
    assert "Testshire Council" in page
    assert "govuk-header__logotype" not in page and "Crown copyright" not in page
    assert "GOV.UK" not in page
    assert '<html lang="en-GB"' in page


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/assets/govuk-frontend.min.css", 200),
        ("/assets/govuk-frontend.min.js", 200),
        ("/assets/images/favicon.svg", 200),
        ("/assets/../pyproject.toml", 404),
    ],
)
def test_govuk_frontend_assets_are_served_locally(client, path, status):
    with client.get(path) as response:
        assert response.status_code == status
        if path.endswith(".css"):
            assert b".govuk-" in response.data


def test_brand_stylesheet_replaces_the_gds_font(client):
    with client.get("/static/app.css") as response:
        css = response.get_data(as_text=True)
    assert "Arial, Helvetica, sans-serif" in css


def test_404_page_is_styled(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "Page not found" in page and "govuk-heading-l" in page


@pytest.mark.parametrize("status", [400, 403, 404, 409, 500])
def test_error_pages_in_service_style_without_traceback(app, status):
    def fail():  # type: ignore[no-untyped-def]
        if status == 500:
            raise RuntimeError("secret internal detail")
        abort(status)

    app.add_url_rule(f"/raise-{status}", f"raise_{status}", fail)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = app.test_client().get(f"/raise-{status}")
    page = response.get_data(as_text=True)
    assert response.status_code == status
    assert "govuk-heading-l" in page and "Testshire Council" in page
    assert "Traceback" not in page and "secret internal detail" not in page


def test_health_endpoint(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
