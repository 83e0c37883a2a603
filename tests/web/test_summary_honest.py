"""The summary page, the moderation page and the downloads claim no more than the figures
bear (issue #21): no pooled alpha, no band or tendencies from too few, "range" for lowest to
highest, the deciding panel before the advisory panels, and moderation's real closing time.
"""

from __future__ import annotations

import csv
import datetime
import io
import re

from docx import Document

from recruit.extensions import db
from recruit.models import PanelRole, Role, StageModeration, StageType
from tests.support.factories import (
    make_candidate,
    make_issued_stage,
    make_vacancy,
    submit_sheet,
)
from tests.support.panel_web import client_for

QUESTIONS = ["values-personal-values-01", "decisions-own-risk-01"]
CLOSED_AT = datetime.datetime(2026, 12, 7, 13, 48, tzinfo=datetime.UTC)


def _vacancy(app, make_user, *, advisory=False, closed=False, third=False):  # type: ignore[no-untyped-def]
    """Two candidates scored by a chair and a member (and a third member with ``third``) at a
    deciding stage, "Final panel", and (with ``advisory``) at a young people's panel."""
    hr = make_user(Role.HR)
    vacancy = make_vacancy(hr)
    amara, tom = make_candidate(vacancy, "Amara", "Okafor"), make_candidate(vacancy, "Tom", "Reid")
    chair = make_user(Role.PANEL, name="Priya Chair")
    member = make_user(Role.PANEL, name="Dee Member")
    seats = [(chair, PanelRole.CHAIR), (member, PanelRole.MEMBER)]
    extra = make_user(Role.PANEL, name="Sam Third") if third else None
    if extra is not None:
        seats.append((extra, PanelRole.MEMBER))
    made = []
    if advisory:
        made.append(
            make_issued_stage(
                app,
                vacancy,
                name="Young people",
                stage_type=StageType.YOUNG_PEOPLES_PANEL,
                seats=seats,
                questions=QUESTIONS,
            )  # fmt: skip
        )
    made.append(
        make_issued_stage(app, vacancy, name="Final panel", seats=seats, questions=QUESTIONS)
    )
    for stage in made:
        submit_sheet(stage, chair, amara, [5, 4])
        submit_sheet(stage, member, amara, [4, 2])
        submit_sheet(stage, chair, tom, [1, 3])
        submit_sheet(stage, member, tom, [3, 2])
        if extra is not None:
            submit_sheet(stage, extra, amara, [3, 3])
            submit_sheet(stage, extra, tom, [2, 2])
        moderation = StageModeration(stage_id=stage.id)
        if closed:
            moderation.closed_at, moderation.closed_by_id = CLOSED_AT, chair.id
        db.session.add(moderation)
    db.session.commit()
    return vacancy, made, hr, chair


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _stage_page(client, vacancy, stage) -> str:  # type: ignore[no-untyped-def]
    return client.get(f"/vacancies/{vacancy.id}/summary/stages/{stage.id}").get_data(as_text=True)


def test_the_page_has_no_pooled_alpha_and_no_band_from_two_members(app, bank, make_user):
    vacancy, (stage,), hr, _chair = _vacancy(app, make_user)
    page = _stage_page(client_for(app, hr), vacancy, stage)
    assert "All attributes" not in page
    assert "2 answers scored by 2 members: too few to judge agreement" in page
    assert "Good agreement" not in page and "Tentative agreement" not in page
    assert "Members compared" in page
    assert "Huffcutt, Culbertson and Weyhrauch, 2013" in page


def test_the_page_says_range_and_never_spread(app, bank, make_user):
    vacancy, (stage,), hr, _chair = _vacancy(app, make_user)
    client = client_for(app, hr)
    landing = client.get(f"/vacancies/{vacancy.id}/summary").get_data(as_text=True)
    stage_url = f"/vacancies/{vacancy.id}/summary/stages/{stage.id}"
    amara = vacancy.candidates[0]
    details = client.get(f"{stage_url}/candidates/{amara.id}").get_data(as_text=True)
    assert ">Range</th>" in details and "4.0 to 5.0" in details
    assert "(range 2 or more)" in landing
    for page in (landing, client.get(stage_url).get_data(as_text=True), details):
        assert "spread" not in _text(page).lower()


def test_the_deciding_panel_comes_before_the_advisory_panels(app, bank, make_user):
    vacancy, (young, final), hr, _chair = _vacancy(app, make_user, advisory=True)
    client = client_for(app, hr)
    landing = client.get(f"/vacancies/{vacancy.id}/summary").get_data(as_text=True)
    assert landing.index("Deciding: Final panel") < landing.index("Advisory: Young people")
    deciding = landing.index("The deciding panel: Final panel")
    advisory = landing.index("Advisory panel: Young people")
    assert deciding < advisory
    assert "This panel advises the deciding panel" in landing[advisory:]
    assert "The deciding panel: Final panel" in _stage_page(client, vacancy, final)
    page = _stage_page(client, vacancy, young)
    assert page.index("Advisory panels</span>") < page.index("Young people</h2>")
    assert "This panel advises the deciding panel" in page
    assert "Deciding: Final panel" in page and "Advisory: Young people" in page


def test_the_page_gives_the_closing_time_or_says_moderation_is_open(app, bank, make_user):
    vacancy, (stage,), hr, _chair = _vacancy(app, make_user, closed=True)
    page = _stage_page(client_for(app, hr), vacancy, stage)
    assert "Moderation closed on 7 December 2026, 1:48pm by Priya Chair." in page
    vacancy, (stage,), hr, _chair = _vacancy(app, make_user)
    page = _stage_page(client_for(app, hr), vacancy, stage)
    assert "Moderation is open: these figures can still change." in page


def test_the_word_summary_is_honest_too(app, bank, make_user):
    vacancy, _stages, hr, _chair = _vacancy(app, make_user, advisory=True, closed=True)
    response = client_for(app, hr).get(f"/vacancies/{vacancy.id}/summary.docx")
    document = Document(io.BytesIO(response.data))
    top = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert top.index("The deciding panel: Final panel") < top.index("Advisory panels")
    second = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "Young people" in second
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    text = "\n".join(paragraphs + cells)
    assert "Moderation closed on 7 December 2026, 1:48pm by Priya Chair." in paragraphs
    assert "All attributes" not in text and "spread" not in text.lower()
    assert "Range" in cells and "4.0 to 5.0" in cells
    assert "with 2, each member's tendency only mirrors the other's." in text


def test_moderation_withholds_tendencies_from_two_members(app, bank, make_user):
    vacancy, stages, _hr, chair = _vacancy(app, make_user)
    url = f"/vacancies/{vacancy.id}/stages/{stages[0].id}/moderation"
    page = client_for(app, chair).get(url).get_data(as_text=True)
    assert (
        "Member tendencies need at least 3 scoring members: with 2, each member&#39;s "
        "tendency only mirrors the other&#39;s." in page
    )
    assert "Difference from the others" not in page and "All attributes" not in page


def test_moderation_shows_tendencies_from_three_members(app, bank, make_user):
    vacancy, stages, _hr, chair = _vacancy(app, make_user, third=True)
    url = f"/vacancies/{vacancy.id}/stages/{stages[0].id}/moderation"
    html = client_for(app, chair).get(url).get_data(as_text=True)
    assert "Difference from the others" in html and "Sam Third" in html
    assert "Member tendencies need at least" not in html


def test_the_raw_scores_csv_has_no_spread_column(app, bank, make_user):
    """The raw export is one row per member and question: no range to give, and no "Spread"."""
    vacancy, _stages, hr, _chair = _vacancy(app, make_user)
    data = client_for(app, hr).get(f"/vacancies/{vacancy.id}/scores.csv").data
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert "Score" in header and not any("spread" in name.lower() for name in header)
