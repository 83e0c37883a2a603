"""What stops a stage's plan being issued: the safer recruitment gates.

Safer recruitment asks that the interview tests motivation to work with children, attitudes
to safeguarding, professional boundaries and whistleblowing, so some stage of the vacancy
must plan a question tagged safeguarding (the coverage check's "no_safeguarding_question"
problem); and that at least one member of each panel who scores is trained in safer
recruitment within the refresh period (``stages.panel.training_at``). HR may still issue
with a recorded reason (an exercise that covers safeguarding, a trained adviser on the
day): the reason goes into the audit log with the gates it overrode, and the plan page
shows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from recruit.domain.interview_plan import Finding
from recruit.domain.question_bank import QuestionBank
from recruit.models import Stage, Vacancy
from recruit.stages import plan
from recruit.stages.panel import training_at

GATED_FINDINGS = frozenset({"no_safeguarding_question"})


def issue_blockers(
    vacancy: Vacancy,
    stage: Stage,
    bank: QuestionBank,
    findings: Sequence[Finding] | None = None,
) -> list[str]:
    """Why the stage's plan may not be issued as it stands, in plain words; empty if none.
    ``findings``: the vacancy's coverage findings when the caller has them already."""
    every = plan.vacancy_findings(vacancy, bank) if findings is None else findings
    found = [finding.message for finding in every if finding.kind in GATED_FINDINGS]
    untrained = training_at(stage).problem
    return [*found, untrained] if untrained else found
