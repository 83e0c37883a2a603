"""flask --app recruit advert check FILE: the advert language check as JSON."""

from __future__ import annotations

import json

import pytest
from flask import Flask
from flask.testing import FlaskCliRunner

from recruit.cli.advert import advert_group

ADVERT = (
    "Director of Children\u2019s Services (DCS)\n"
    "\u2022 We are values-led and work with families, not doing to them.\n"
    "\u2022 You will brief the lead member and hold shared risk with our MDT.\x0c\n"
)


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    # The lead registers the group in recruit/cli; until then, register it for this test.
    if "advert" not in app.cli.commands:
        app.cli.add_command(advert_group)
    return app.test_cli_runner()


def test_check_prints_the_analysis_as_json(runner, tmp_path):
    advert = tmp_path / "advert.txt"
    advert.write_text(ADVERT, encoding="utf-8")

    result = runner.invoke(args=["advert", "check", str(advert)])

    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {
        "text",
        "attribute_coverage",
        "missing_attributes",
        "innovation_principles",
        "gender",
        "readability",
        "length",
        "unexplained_acronyms",
        "suggestions",
    } <= set(data)
    assert data["innovation_key"] == "any"
    assert "Children's Services (DCS)" in data["text"]
    assert [item["acronym"] for item in data["unexplained_acronyms"]] == ["MDT"]
    assert data["gender"]["masculine"] == []
    assert data["length"]["status"] == "too_short"
    assert data["suggestions"][0]["impact"] >= data["suggestions"][-1]["impact"]


def test_check_uses_the_innovation_asked_for(runner, tmp_path):
    advert = tmp_path / "advert.txt"
    advert.write_text("Restorative practice across the city.", encoding="utf-8")

    result = runner.invoke(args=["advert", "check", str(advert), "--innovation", "family_valued"])

    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["innovation_name"] == "Family Valued"
    found = {item["key"] for item in data["innovation_principles"] if item["found"]}
    assert found == {"restorative", "whole_city"}


def test_a_missing_file_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(args=["advert", "check", str(tmp_path / "nowhere.txt")])

    assert result.exit_code == 1
    assert f"Error: No such file: {tmp_path / 'nowhere.txt'}" in result.output


def test_a_file_that_is_not_utf8_is_a_clear_error(runner, tmp_path):
    advert = tmp_path / "advert.txt"
    advert.write_bytes("Children\u2019s services".encode("cp1252"))

    result = runner.invoke(args=["advert", "check", str(advert)])

    assert result.exit_code == 1
    assert "is not UTF-8 text: save the advert as plain text (UTF-8)" in result.output


def test_an_unknown_innovation_is_a_clear_error(runner, tmp_path):
    advert = tmp_path / "advert.txt"
    advert.write_text("An advert.", encoding="utf-8")

    result = runner.invoke(args=["advert", "check", str(advert), "--innovation", "no_such"])

    assert result.exit_code == 1
    assert "Unknown innovation 'no_such': use one of family_safeguarding" in result.output


def test_a_chief_officers_advert_must_say_the_post_is_politically_restricted(runner, tmp_path):
    advert = tmp_path / "advert.txt"
    advert.write_text(ADVERT, encoding="utf-8")

    as_dcs = runner.invoke(args=["advert", "check", str(advert), "--role-level", "dcs"])
    as_team_manager = runner.invoke(
        args=["advert", "check", str(advert), "--role-level", "team_manager"]
    )

    assert as_dcs.exit_code == 0, as_dcs.output
    assert "political_restriction" in json.loads(as_dcs.output)["missing_safer_recruitment"]
    assert (
        "political_restriction"
        not in json.loads(as_team_manager.output)["missing_safer_recruitment"]
    )


def test_an_unknown_role_level_is_refused_by_name(runner, tmp_path):
    advert = tmp_path / "advert.txt"
    advert.write_text(ADVERT, encoding="utf-8")

    result = runner.invoke(args=["advert", "check", str(advert), "--role-level", "mayor"])

    assert result.exit_code != 0
    assert "Unknown role level 'mayor': use one of dcs," in result.output
