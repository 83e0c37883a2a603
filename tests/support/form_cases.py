"""The forms test_every_page.py submits empty or with bad values, and what must come back.

Each case opens its endpoint's page as the visitor, clears the form the named button submits
(text emptied, radios unticked, selects back to their first option) unless ``clear`` is
False, applies ``fills`` (CSS selector inside that form -> value; a radio or checkbox is
ticked), uploads ``upload`` as a CSV file if given, and presses the button. The page that
comes back must show ``expect`` and then pass axe and reflow at 320px.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.support.page_world import ADMIN, ANONYMOUS, CHAIR, HR


@dataclass(frozen=True)
class FormCase:
    visitor: str
    endpoint: str  # the page holding the form
    button: str  # the button that submits it
    fills: dict[str, str] = field(default_factory=dict)
    upload: bytes | None = None
    expect: str = ".govuk-error-summary"
    overrides: dict[str, str] = field(default_factory=dict)  # argument -> key in world ids
    clear: bool = True
    session_expires: bool = False  # sign out (cookies gone) just before submitting


BAD_CSV = b"first_name,last_name,email\r\nA,B,a@example.com\r\nC,D,a@example.com\r\n"
GOOD_CSV = b"first_name,last_name,email\r\nNia,Evans,nia@example.com\r\n"
UNSCORED = {"stage_id": "scoring_stage_id", "candidate_id": "unscored_candidate_id"}

FORM_CASES = (
    FormCase(ANONYMOUS, "auth.login", "Sign in"),
    FormCase(ANONYMOUS, "auth.login", "Sign in", {"#email": "someone@example.com"}),
    FormCase(CHAIR, "auth.change_password", "Change password"),
    FormCase(ADMIN, "admin.create_user", "Add user", {"#email": "not an email"}),
    FormCase(ADMIN, "admin.edit_user", "Save changes"),
    # The one-time password page after a reset.
    FormCase(ADMIN, "admin.reset_password", "Reset password", expect="text=Password reset"),
    FormCase(ADMIN, "questions.create", "Save question"),
    FormCase(ADMIN, "questions.retire", "Retire question"),
    FormCase(HR, "vacancies.create", "Save vacancy"),
    FormCase(HR, "vacancies.edit", "Save vacancy", {"[name=closing_date]": "31"}),
    FormCase(HR, "adverts.edit_section", "Save section"),
    FormCase(HR, "stages.create", "Save stage"),
    FormCase(HR, "stages.edit", "Save stage", {"[name=duration_minutes]": "ninety"}),
    FormCase(HR, "stages.show", "Add to the panel"),
    FormCase(HR, "people.invite", "Add to the panel", {"#email": "not an email"}),
    # The page that shows a new set-password link once.
    FormCase(HR, "people.show", "Create a new set-password link", clear=False, expect="text=New set-password link"),
    FormCase(ANONYMOUS, "auth.set_password", "Set my password"),
    FormCase(HR, "stages.find_questions", "Apply filters", {"#q": "zzqx"}, expect="text=0 questions"),
    FormCase(HR, "stages.plan_page", "Save minutes"),
    FormCase(HR, "stages.plan_page", "Save weights", {"[name=weight_values]": "150"}),
    FormCase(HR, "candidates.create", "Save candidate", {"#email": "not an email"}),
    FormCase(HR, "candidates.import_upload", "Check the file", upload=BAD_CSV),
    FormCase(HR, "candidates.equality_import", "Record the answers", upload=BAD_CSV),
    FormCase(HR, "candidates.equality_answers", "Save the answers", clear=False, expect="text=Equality monitoring answers recorded"),
    # A date that is no date in the report's filters: the GOV.UK error on a GET form.
    FormCase(ADMIN, "equality.report", "Show the report", {"[name=closes_from]": "40"}),
    # A good file: the check page before anything is imported.
    FormCase(HR, "candidates.import_upload", "Check the file", upload=GOOD_CSV, expect="text=Import these candidates"),
    # A stale page: the CSRF token no longer matches, so the service's 400 page comes back.
    FormCase(HR, "vacancies.create", "Save vacancy", {"[name=csrf_token]": "stale"}, expect="text=Your form could not be sent"),
    FormCase(CHAIR, "scoring.score_sheet", "Continue to check your scores", overrides=UNSCORED),
    # Signed out while scoring: the notes come back to copy (a 401 page).
    FormCase(CHAIR, "scoring.score_sheet", "Save draft", {"textarea": "She put the child first"}, expect="text=your scores were not saved", overrides=UNSCORED, clear=False, session_expires=True),
    FormCase(CHAIR, "scoring.amend_score", "Save the change"),
    FormCase(CHAIR, "interviews.declare_conflict", "Declare the conflict"),
    FormCase(CHAIR, "moderation.close_scoring", "Close scoring and open moderation"),
    FormCase(CHAIR, "moderation.candidate", "Save the moderation record", {"[name=agreed_values]": "9"}),
    FormCase(CHAIR, "profiles.create", "Start the profile"),
    FormCase(CHAIR, "profiles.workbook", "Save and continue"),
    FormCase(CHAIR, "profiles.request_feedback", "Ask for feedback"),
    FormCase(CHAIR, "profiles.give_feedback", "Send your feedback"),
    # A level chosen without the reason the role needs it.
    FormCase(HR, "comparisons.target", "Save the target levels", {"[name=level_values][value='4']": "4"}),
)  # fmt: skip

CLEAR_FORM = """button => {
  const form = button.form;
  form.querySelectorAll("textarea, input:not([type]), input[type=text], input[type=email],"
    + " input[type=password], input[type=number], input[type=tel]").forEach(f => { f.value = ""; });
  form.querySelectorAll("input[type=radio]").forEach(f => { f.checked = false; });
  form.querySelectorAll("select").forEach(f => { f.selectedIndex = 0; });
}"""
FILL = """(button, [selector, value]) => {
  const field = button.form.querySelector(selector);
  if (field.type === "radio" || field.type === "checkbox") field.checked = true;
  else field.value = value;
}"""
