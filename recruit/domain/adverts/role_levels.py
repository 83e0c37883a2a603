"""What each role level does, and what each of the five attributes asks of it, in the advert.

Said to the applicant, and short: an attribute line follows the attribute's full name in
one bullet, and the advert check counts a sentence over 30 words as long. "{model}"
becomes the innovation's name, or "our practice model". Each level's decisions line names
shared ownership of risk or a learning culture in words the check recognises, because
that is a principle of every model. A level or attribute added to the bank later falls
back to the bank's own description, so a draft is never left with a gap.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LevelVoice:
    scope: str
    attributes: dict[str, str]
    # The report's behaviours this level features. The self-assessment prompts ask for
    # evidence of the first of each attribute's, in the bank's order.
    behaviours: tuple[str, ...]
    member_appointment: bool = False
    # Chief and deputy chief officers are politically restricted (Local Government and
    # Housing Act 1989, s.2), and the advert must say so. The DCS is a statutory chief
    # officer; an assistant director reports to the DCS, which is the Act's definition of
    # a deputy chief officer (s.2(8)), and the tool already treats the post as one by
    # putting it to an appointment panel of members.
    politically_restricted: bool = False
    # Safer recruitment asks for references before interview for senior posts: here the
    # three strategic tiers, whose shortlists are small and whose panels include members
    # or partners who should not meet a candidate a referee has concerns about.
    references_before_interview: bool = False
    # Two questions per attribute applicants at this level can ask themselves; a level
    # without its own takes the bank's reflection questions, written for senior leaders
    # ("How do you brief politicians across parties?").
    reflections: dict[str, tuple[str, str]] = field(default_factory=dict)


LEVEL_VOICES: dict[str, LevelVoice] = {
    "dcs": LevelVoice(
        scope=(
            "You will hold the statutory role under section 18 of the Children Act 2004, across "
            "social care, schools and special educational needs. You will answer for every "
            "child the council supports."
        ),
        attributes={
            "values": "you set the values the whole service works by, and put children "
            "before targets.",
            "decisions": "you own the risk at the top, so that no practitioner carries a hard "
            "decision alone.",
            "practice-culture": "you share a hopeful vision and hold to it for years, so that "
            "staff make it their own.",
            "partnerships": "you build a partnership with health, police, schools and the "
            "voluntary sector around one shared goal.",
            "buy-in": "you build shared ownership with the chief executive and councillors of "
            "every party, so that {model} outlasts political change.",
        },
        behaviours=(
            "respect-worth-and-dignity",
            "values-at-the-heart",
            "own-risk-at-the-top",
            "learning-and-challenge",
            "consistent-over-time",
            "build-a-partnership-team",
            "share-the-impact-story",
            "shared-political-ownership",
            "learning-for-politicians",
        ),
        member_appointment=True,
        politically_restricted=True,
        references_before_interview=True,
    ),
    "assistant_director": LevelVoice(
        scope=(
            "You will run a major part of our children's services, reporting to the Director "
            "of Children's Services. As senior sponsor of {model}, you will keep it well "
            "resourced."
        ),
        attributes={
            "values": "you make the values of {model} explicit in every decision and every "
            "discussion.",
            "decisions": "you hold risk at a senior level and build a learning culture, free "
            "of blame.",
            "practice-culture": "you turn the vision into roles people understand, give change "
            "the time it needs, and model it yourself.",
            "partnerships": "you explain the model in each partner's own terms, and what it "
            "offers them.",
            "buy-in": "you brief the lead member and corporate colleagues, and help keep "
            "{model} above party politics.",
        },
        behaviours=(
            "respect-worth-and-dignity",
            "embody-the-values",
            "own-risk-at-the-top",
            "learning-and-challenge",
            "change-takes-time",
            "mobilise-partners-as-champions",
            "articulate-the-benefits",
            "shared-political-ownership",
        ),
        member_appointment=True,
        politically_restricted=True,
        references_before_interview=True,
    ),
    "head_of_service": LevelVoice(
        scope=(
            "You will manage a group of services and their managers, turning strategy into "
            "consistent, high-quality practice. You will make {model} work day to day, even "
            "when demand is high."
        ),
        attributes={
            "values": "you make the values of {model} part of every decision your services make.",
            "decisions": "you foster a learning culture in which risk is understood in detail "
            "and shared.",
            "practice-culture": "you help managers and teams grow in confidence with the model, "
            "and draw people back when old habits return.",
            "partnerships": "you build working relationships with partner managers, so that "
            "the model works for families across agency boundaries.",
            "buy-in": "you invite councillors and corporate colleagues to see practice first "
            "hand, so that they understand the service.",
        },
        behaviours=(
            "respect-worth-and-dignity",
            "embody-the-values",
            "break-down-risk-forensically",
            "high-support-environment",
            "change-takes-time",
            "enabling-environment",
            "build-individual-relationships",
            "bring-outcomes-to-life",
            "learning-for-politicians",
        ),
        references_before_interview=True,
    ),
    "service_manager": LevelVoice(
        scope=(
            "You will manage several teams, oversee decisions on the highest-risk work and "
            "support team managers through change. You will be close enough to practice to "
            "know how {model} is working for each family."
        ),
        attributes={
            "values": "you show in every decision you make that children come first.",
            "decisions": "you break risk down with team managers, and make it safe to "
            "question any decision.",
            "practice-culture": "you steer team managers through change with patience and "
            "consistency, and want to hear what is not working.",
            "partnerships": "you work with partner agencies on shared cases, so that families "
            "get joined-up help, not a string of referrals.",
            "buy-in": "you help senior leaders and councillors see practice for themselves, so "
            "that their backing is well informed.",
        },
        behaviours=(
            "respect-worth-and-dignity",
            "embody-the-values",
            "break-down-risk-forensically",
            "high-support-environment",
            "own-risk-at-the-top",
            "change-takes-time",
            "enabling-environment",
            "build-individual-relationships",
            "learning-for-politicians",
        ),
        reflections={
            "values": (
                "When did you last put a child's interests before a target or a deadline?",
                "What would your team managers say your decisions show about what you value?",
            ),
            "decisions": (
                "How do your team managers know you will stand behind a hard decision?",
                "How do you bring families' own views into decisions about risk?",
            ),
            "practice-culture": (
                "How have you helped your teams through a change to practice, and kept it going?",
                "What do you do when a team drifts back to old ways of working?",
            ),
            "partnerships": (
                "Which partner agency do your teams find hardest to work with, and what have "
                "you done about it?",
                "How do you use data and families' stories together to show what works?",
            ),
            "buy-in": (
                "How have you helped a senior leader or councillor see practice for themselves?",
                "How do you explain a change in practice to people outside social care?",
            ),
        },
    ),
    "team_manager": LevelVoice(
        scope=(
            "You will guide your team's daily practice: supervision, case decisions and the "
            "culture of the team. You will help every practitioner, whatever their profession, "
            "use {model} well with the families they support."
        ),
        attributes={
            "values": "you ask whether each decision would be good enough for your own child.",
            "decisions": "you talk honestly and curiously about each child's life, and make it "
            "safe to question you.",
            "practice-culture": "you help each member of your team see their part in {model} "
            "and grow in confidence with it.",
            "partnerships": "you build strong working relationships with the partners your "
            "team works alongside every day.",
            "buy-in": "you welcome councillors and senior leaders into your team to see "
            "practice at first hand.",
        },
        behaviours=(
            "respect-worth-and-dignity",
            "embody-the-values",
            "confront-likelihood-of-harm",
            "encourage-different-perspectives",
            "high-support-environment",
            "change-takes-time",
            "consistent-over-time",
            "build-individual-relationships",
            "learning-for-politicians",
        ),
        reflections={
            "values": (
                "Would the decisions your team made this week be good enough for your own child?",
                "How do you treat your team in the way you want them to treat families?",
            ),
            "decisions": (
                "How do your practitioners know it is safe to question your decisions?",
                "How do you make sure no one in your team carries a risky decision alone?",
            ),
            "practice-culture": (
                "How do you help each person in your team grow in confidence with a new way of "
                "working?",
                "What does your own practice show your team about the change you ask of them?",
            ),
            "partnerships": (
                "How do you build working relationships with the partners your team meets "
                "every day?",
                "What do you do when a partner and your team see a family differently?",
            ),
            "buy-in": (
                "How would you show a visiting councillor what good practice looks like in "
                "your team?",
                "How do you let senior leaders know what is and is not working for families?",
            ),
        },
    ),
    "practice_lead": LevelVoice(
        scope=(
            "You will champion the quality of practice and the method at the heart of {model}, "
            "through coaching and group supervision rather than line management. Practitioners "
            "will turn to you when they want to get better at the work."
        ),
        attributes={
            "values": "you model the values of {model} in every coaching conversation.",
            "decisions": "you use group supervision to build a learning culture in which risk "
            "is understood in detail.",
            "practice-culture": "you coach practitioners until the method feels natural, "
            "knowing that confidence takes time.",
            "partnerships": "you help partner agencies understand the method, so that families "
            "meet a consistent approach.",
            "buy-in": "you help councillors and senior leaders understand what good practice "
            "looks like and why the method matters.",
        },
        behaviours=(
            "respect-worth-and-dignity",
            "embody-the-values",
            "encourage-different-perspectives",
            "learning-and-challenge",
            "change-takes-time",
            "consistent-over-time",
            "storytelling",
            "learning-for-politicians",
        ),
        reflections={
            "values": (
                "How does your own practice show the values you coach others in?",
                "When did you last challenge practice that did not treat a family with respect?",
            ),
            "decisions": (
                "How do you help practitioners break risk down before they decide?",
                "How do you bring families' own views into the decisions you support?",
            ),
            "practice-culture": (
                "How have you helped practitioners keep a new method going after the training "
                "ended?",
                "How do you coach someone who is not yet comfortable with the model?",
            ),
            "partnerships": (
                "How do you help partner staff understand and use the model with families?",
                "How do you share what good practice looks like beyond your own team?",
            ),
            "buy-in": (
                "How do you help managers and councillors understand what good practice looks "
                "like?",
                "What evidence of impact do you gather, and who do you share it with?",
            ),
        },
    ),
    "programme_manager": LevelVoice(
        scope=(
            "You will run the implementation of {model}: the plan, partner commitments, and "
            "data on impact and fidelity, reporting to the programme board. You will help "
            "everyone see what is changing for children and families."
        ),
        attributes={
            "values": "you keep the programme anchored in what is right for children, not "
            "only in milestones.",
            "decisions": "you give decision-makers evidence, including families' views, and "
            "help the board own the risks of change.",
            "practice-culture": "you plan change as something people take on over time, and "
            "track whether new practice is taking root.",
            "partnerships": "you translate the model into each partner's priorities, and pair "
            "data with real stories of change.",
            "buy-in": "you keep corporate leaders and councillors informed about what the "
            "model achieves, so that ownership is shared.",
        },
        behaviours=(
            "values-at-the-heart",
            "collaborative-decision-making",
            "change-takes-time",
            "mobilise-partners-as-champions",
            "storytelling",
            "articulate-the-benefits",
            "shared-political-ownership",
        ),
    ),
}


def is_politically_restricted(role_level_key: str) -> bool:
    """Whether the advert for this level must say the post is politically restricted.

    A level the bank adds later is not, until someone decides it here.
    """
    voice = LEVEL_VOICES.get(role_level_key)
    return bool(voice and voice.politically_restricted)
