"""What the demo's appointment panel says: each councillor's score and note per candidate
and attribute, the scores the panel agreed, its outcomes and reasons, the red flag it
discussed and the reasons for its decision. ``demo_decision`` records them."""

from __future__ import annotations

from dataclasses import dataclass

from recruit.models import Outcome

# One councillor's score on a question and the note they wrote beside it.
Judgement = tuple[int, str]
Panel = tuple[Judgement, Judgement, Judgement]
# By candidate and attribute, each councillor's judgement in the order the panel's scoring
# seats are listed (``sheets.scoring_seats``: the chair, Cllr Sam Patel, then Cllr Joan
# Whitaker, then Cllr Helen Forsyth). Written per candidate, so the briefing pack's
# strongest evidence tells the three apart.
COUNCILLORS: dict[str, dict[str, Panel]] = {
    "C-01": {
        "values": (
            (
                5,
                "Her social workers can spend up to £500 on a family without asking anyone, "
                "and she backed a worker who kept a 15-year-old at home when her own first "
                "instinct was care. The values are a test for decisions, not a poster.",
            ),
            (
                5,
                "New starters shadow a family with a practice lead in their first week, and "
                "every supervision asks 'would this be good enough for my child?'. Specific "
                "and convincing; I could picture it in our teams.",
            ),
            (
                5,
                "Backed a decision she would not have made herself, and put it in writing. "
                "Checks the values are lived by going to the children in care council "
                "every quarter, not only by auditing files. The clearest answer of the day.",
            ),
        ),
        "decisions": (
            (
                5,
                "Spotted fear-driven practice from a rise in care proceedings that legal "
                "advice did not support, sat on the legal gateway panel herself for three "
                "months, and showed us what changed for families as well as the figures.",
            ),
            (
                4,
                "Clear that being risk-aware is not being risk-averse. She put her own name "
                "to two decisions to keep children at home and was there when one went "
                "wrong. Members would be reassured by that.",
            ),
            (
                5,
                "The best answer we heard on this. She asked staff first, found they feared "
                "the local paper more than the courts, and took that fear on herself. "
                "Re-referrals fell, and she had the figures to hand.",
            ),
        ),
        "practice-culture": (
            (
                5,
                "Would hold to the model through the inspection and tell inspectors plainly "
                "what is not yet embedded. One message to staff: carry on, and I own this. "
                "Exactly what members would want to hear.",
            ),
            (
                5,
                "Would keep the new model, brief practitioners herself before the "
                "inspectors arrive and sit down with the managers who want the old "
                "templates back. Candid about the weak spots without losing her nerve.",
            ),
            (
                5,
                "Has done this for real at a focused visit: kept the model, showed the "
                "inspectors the gaps and the plan, and took their criticism back to staff "
                "as learning rather than blame.",
            ),
        ),
        "partnerships": (
            (
                4,
                "When the police lead changed halfway through a joint exploitation project, "
                "she met the new superintendent within a fortnight and retold the work in "
                "terms of his priorities.",
            ),
            (
                5,
                "Ownership was spread across the partnership (joint supervision, named "
                "leads at three levels) so the work did not hang on one relationship. "
                "Honest about what was lost: a shared budget line.",
            ),
            (
                4,
                "Rebuilt the relationship quickly and did not oversell the evidence to the "
                "new leader. I would have liked more on health, where our own partnership "
                "is weakest.",
            ),
        ),
        "buy-in": (
            (
                4,
                "Named the finance director, legal and the lead for the case recording "
                "system, and said what each needed from the change. Kept them involved "
                "after the approval, not just for it.",
            ),
            (
                4,
                "Went to the finance director early about what happens when the grant "
                "ends, and to HR about recruiting adult workers who are not social workers. "
                "Practical, and looked well beyond her own directorate.",
            ),
            (
                3,
                "A sound answer, but her political support came through cabinet. Little on "
                "working with opposition members, which this council will need from its "
                "next director.",
            ),
        ),
    },
    "C-05": {
        "values": (
            (
                4,
                "Family group conferences come before any child protection conference, so "
                "her practitioners act without checking with her first. A clear example; "
                "less on backing a decision she disagreed with.",
            ),
            (
                4,
                "Spoke about children and families first throughout. Her early help workers "
                "hold small budgets and decide with the family. Credible, though mostly "
                "early help rather than statutory social care.",
            ),
            (
                4,
                "Backed a family support worker's call over a team manager's, and said why. "
                "Values came through in how she spoke about families; I wanted a second "
                "example from child protection.",
            ),
        ),
        "decisions": (
            (
                3,
                "Used re-referral figures and staff focus groups to find cases being "
                "stepped up out of fear, and brought in peer case discussion. Sound, but "
                "she did not say what she took on herself.",
            ),
            (
                3,
                "A sensible approach, but the example came from early help, where the risks "
                "are lower. I was not sure how she would hold the risk in child protection "
                "or care proceedings.",
            ),
            (
                4,
                "Stood behind her practitioners at a safeguarding practice review and put "
                "it in writing. Kept the likelihood of harm in view throughout. Solid.",
            ),
        ),
        "practice-culture": (
            (
                4,
                "Would keep the model and tell staff so directly, and would show inspectors "
                "the evidence so far, including what is not working yet.",
            ),
            (
                4,
                "A clear, consistent message to staff and candour with the inspectors. Less "
                "sure what she would do if the inspectors were critical of the model.",
            ),
            (
                3,
                "Would keep the model, but talked mostly about briefing managers; "
                "practitioners would hear it second-hand. Sound rather than strong.",
            ),
        ),
        "partnerships": (
            (
                5,
                "Outstanding. When the health trust's director changed, she retold the "
                "story in the trust's terms (fewer young people admitted in crisis) and "
                "kept the seconded workers. Shared ownership at every level.",
            ),
            (
                5,
                "Built the early help partnership with schools, health visitors and the "
                "police so that it survived two changes of leader. The new head of the "
                "schools' trust is now its champion.",
            ),
            (
                4,
                "Very good relationships with partners and honest about the evidence. Some "
                "of it still rests on her own relationship with the trust's deputy "
                "director.",
            ),
        ),
        "buy-in": (
            (
                3,
                "Named the lead member and the finance team, but not HR, legal or "
                "procurement. The case rested on the early help budget alone.",
            ),
            (
                3,
                "Clear about why finance mattered after the grant ended, but said little "
                "about keeping colleagues with her once the money was agreed.",
            ),
            (
                5,
                "Took the early help case to every party group and to the schools forum, "
                "and won cross-party support for keeping it when the grant ended. Exactly "
                "the reach across the council we need.",
            ),
        ),
    },
    "C-02": {
        "values": (
            (
                4,
                "Honest and direct about children's lives. As interim DCS he set up a "
                "weekly review of what children had told their social workers; a specific "
                "example.",
            ),
            (
                # A red flag: the wash-up shows it, and the panel records its discussion.
                1,
                "Evidence against: asked how he would share decisions with families, he said "
                "the weekly panel he chairs signs off every placement and should go on doing "
                "so. He delegates tasks, not authority.",
            ),
            (
                3,
                "Sound on what the values are, but could not give an example of backing a "
                "front-line decision he would not have made himself.",
            ),
        ),
        "decisions": (
            (
                4,
                "Owned the risk when he stopped proceedings in two cases, and set out the "
                "safeguards he put around both. Good grip.",
            ),
            (
                4,
                "Found defensive closures through an audit and talked to the teams about it "
                "directly. Clear about what would still make him act.",
            ),
            (
                4,
                "Went to the teams himself and joined the hardest decisions for a month. "
                "Relied on new thresholds guidance more than I would like, but the grip was "
                "real.",
            ),
        ),
        "practice-culture": (
            (
                3,
                "Would keep the model for the inspection, but his first message to staff "
                "was to tidy the files. Sound, if cautious.",
            ),
            (
                2,
                "Would let managers fall back on the old templates where they felt more "
                "comfortable. Practitioners would be left unsure which way to work.",
            ),
            (
                3,
                "Candid with the inspectors about what is not embedded, but told staff that "
                "each manager would decide. Sound rather than strong.",
            ),
        ),
        "partnerships": (
            (
                2,
                "When the health lead changed he wrote to the chief executive to escalate "
                "instead of meeting the new director. The work rested on his relationship "
                "with her predecessor.",
            ),
            (
                2,
                "Described health and the police as partners who 'let us down'. The same "
                "pitch to the new leader as to the old; no shared ownership.",
            ),
            (
                3,
                "Fair about what was lost when the programme ended, and he has learned from "
                "it. Ownership still sat with children's services alone.",
            ),
        ),
        "buy-in": (
            (
                2,
                "Named only the lead member and the cabinet; nothing on finance, HR or "
                "legal. Corporate colleagues came across as obstacles to get round.",
            ),
            (
                3,
                "Kept the lead member informed and got the business case through cabinet, "
                "but said little about anyone beyond children's services.",
            ),
            (
                2,
                "Told us he 'went round' procurement to get a contract signed before the "
                "year end. Not what members want to hear from a chief officer.",
            ),
        ),
    },
}


@dataclass(frozen=True)
class AgreedByPanel:
    """A score the panel agreed on discussion, replacing the mean of its members' scores."""

    candidate: str
    attribute: str
    agreed: float
    rationale: str


AGREED_SCORES = (
    AgreedByPanel(
        "C-01",
        "buy-in",
        4.0,
        "On the probe about who she nearly overlooked, she described bringing the scrutiny "
        "chair onto her improvement board; the panel agreed that was evidence at 4. Cllr "
        "Forsyth asked that work with opposition members be part of her induction.",
    ),
    AgreedByPanel(
        "C-05",
        "buy-in",
        4.0,
        "The panel discussed how far apart the scores were. Cllr Forsyth's 5 rested on cross-party "
        "work the others had not weighed; all agreed it counted, but the corporate side of "
        "her answer was thin, so 4.",
    ),
    AgreedByPanel(
        "C-02",
        "partnerships",
        2.0,
        "On discussion Cllr Forsyth agreed that what he had learned did not show he could "
        "build the joint ownership the post needs: his example was of escalation, not of "
        "working it through with the new leader.",
    ),
)
# The decision: one outcome per shortlisted candidate, in the chair's words.
OUTCOMES: dict[str, tuple[Outcome, str]] = {
    "C-01": (
        Outcome.APPOINTABLE,
        "Appointable, and the panel's preferred candidate: the strongest evidence on values, "
        "decisions and practice, and a clear plan for keeping Family Safeguarding through an "
        "inspection. The panel proposes to offer her the post once the executive has been "
        "notified and no material objection is made, subject to references and "
        "pre-employment checks.",
    ),
    "C-05": (
        Outcome.APPOINTABLE,
        "Appointable: outstanding on partnerships and cross-party support, with less "
        "evidence of holding risk in statutory social care. The panel would offer her the "
        "post should the preferred candidate decline.",
    ),
    "C-02": (
        Outcome.NOT_APPOINTABLE,
        "Not appointable. The panel did not hear the partnership working or the reach "
        "across the council the post needs: his partnership example was of escalation "
        "rather than joint ownership, he would let managers fall back on the old templates "
        "during an inspection, and he described going round procurement rules. The panel "
        "recognised his grip on risk as interim DCS.",
    ),
}
# What the panel said about a red flag, as the moderation page records it: the outcome of a
# candidate with a member's lowest score on values cannot be saved without it.
RED_FLAG_DISCUSSIONS = {
    "C-02": (
        "Cllr Whitaker explained her 1: asked how families would share decisions, he said his "
        "placement panel should keep signing off every one. Cllr Patel and Cllr Forsyth had "
        "heard the same answer and scored it as sound only because of his openness about "
        "children's lives. The panel agreed the concern is real and goes to the heart of the "
        "model, and it weighed in the outcome below."
    ),
}
APPOINTMENT_REASONS = (
    "Amara Okafor gave the strongest evidence on every attribute, above all on values and on "
    "changing practice, and the advisory panels' reports agreed. The panel appoints her, "
    "subject to references and the pre-employment checks."
)
