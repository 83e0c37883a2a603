"""Template globals: Jinja's overlay semantics, with names listed by a plain dict."""

from __future__ import annotations

from collections import ChainMap

from jinja2 import DictLoader, Environment

from recruit.templating import RecruitEnvironment, TemplateGlobals


def test_the_app_renders_with_the_recruit_environment(app):
    assert isinstance(app.jinja_env, RecruitEnvironment)
    assert isinstance(app.jinja_env.get_template("base.html").globals, TemplateGlobals)


def test_template_globals_overlay_the_environments_like_jinjas_chain_map():
    environment_globals = {"shared": "environment", "only_environment": 1}
    own = {"shared": "template", "only_template": 2}
    ours, jinjas = TemplateGlobals(own, environment_globals), ChainMap(own, environment_globals)
    assert dict(ours) == dict(jinjas)
    assert ours["shared"] == "template"
    assert set(ours.keys()) == set(jinjas.keys()) == {"shared", "only_environment", "only_template"}
    assert {"shared", "elsewhere"} - ours.keys() == {"elsewhere"}
    environment_globals["added_later"] = 3  # the keys are listed afresh at every call
    assert "added_later" in ours.keys() and ours["added_later"] == 3


def test_an_imported_macro_renders_as_it_does_with_plain_jinja(app):
    templates = {
        "macros.html": "{% macro greet(name) %}{{ greeting }}, {{ name }}{% endmacro %}",
        "page.html": '{% from "macros.html" import greet %}{{ greet("panel") }} {{ own }}',
    }
    for environment in (
        RecruitEnvironment(app, loader=DictLoader(templates)),
        Environment(loader=DictLoader(templates)),
    ):
        environment.globals["greeting"] = "Hello"
        page = environment.get_template("page.html", globals={"own": "(own)"})
        assert page.render() == "Hello, panel (own)"
