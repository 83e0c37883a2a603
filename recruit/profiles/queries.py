"""What the profile pages read from the database: colleagues' feedback in the order it was
sent, and the colleagues a profile's owner may ask for it."""

from __future__ import annotations

from sqlalchemy import select

from recruit.bank_store import current_bank
from recruit.domain.profiles import (
    FeedbackAggregate,
    SentFeedback,
    aggregate_feedback,
    in_sending_order,
)
from recruit.extensions import db
from recruit.models import LeadershipProfile, Role, User

# The appointing side: they may read a profile its owner shared.
READERS_OF_SHARED = (Role.HR, Role.ADMIN, Role.REVIEWER)
# Who may be asked for 360 feedback: the council's leaders, officers, councillors and
# partners, who hold panel accounts. Never a reader of shared profiles: knowing their own
# answers, they could take them out of a published block of three and narrow down the
# other two's, and the appointing side should not rate someone it may later appoint.
# An allow-list, so a role added later is not askable until someone decides it should be.
ASKABLE_ROLES = (Role.PANEL,)


def feedback_for(profile: LeadershipProfile) -> FeedbackAggregate:
    """The profile's 360 feedback as it may be shown (domain.profiles.publish_in_blocks)."""
    sent = [
        SentFeedback(request.responded_at, request.id, request.ratings)
        for request in profile.feedback_requests
        if request.ratings is not None
    ]
    return aggregate_feedback(
        in_sending_order(sent),
        [attribute.key for attribute in current_bank().attributes],
        self_ratings=profile.ratings,
        asked=len(profile.feedback_requests),
    )


def colleagues_to_ask(profile: LeadershipProfile) -> list[User]:
    """Enabled accounts in ``ASKABLE_ROLES``, not the owner and not already asked."""
    asked = [request.colleague_id for request in profile.feedback_requests]
    return list(
        db.session.scalars(
            select(User)
            .where(
                User.is_enabled.is_(True),
                User.role.in_(ASKABLE_ROLES),
                User.id != profile.owner_id,
                User.id.not_in(asked),
            )
            .order_by(User.full_name, User.id)
        )
    )
