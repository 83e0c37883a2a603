"""SQLAlchemy 2.0 typed models, one module per area. Import them all here so Alembic sees them."""

from recruit.models.accounts import LoginAttempt, Role, SetPasswordLink, User, UserSession
from recruit.models.audit import AuditEvent
from recruit.models.checks import CheckKind, CheckStatus, PreEmploymentCheck
from recruit.models.decisions import (
    AppointmentDecision,
    DecisionConfirmation,
    ExecutiveObjection,
)
from recruit.models.equality import EqualityAnswers, EqualityTally
from recruit.models.interviews import (
    DECIDING_BY_DEFAULT,
    Candidate,
    CandidateStatus,
    ConflictOfInterest,
    PanelRole,
    PanelSeat,
    PlanActivity,
    PlanItem,
    Stage,
    StageRole,
    StageType,
)
from recruit.models.profiles import FeedbackRequest, LeadershipProfile, TargetProfile
from recruit.models.question_bank import BankDocument, BankLoad, Question, QuestionVersion
from recruit.models.references import CandidateReference
from recruit.models.reports import AdvisoryReport, AdvisoryReportAgreement, TrafficLight
from recruit.models.scoring import (
    AgreedScore,
    CandidateDecision,
    Outcome,
    ResultsSnapshot,
    Score,
    ScoreAmendment,
    ScoreSheet,
    SheetStatus,
    StageModeration,
)
from recruit.models.shortlisting import (
    CriterionAssessment,
    CriterionOutcome,
    ScrutinyKind,
    ScrutinyPoint,
    ShortlistingDecision,
)
from recruit.models.vacancies import (
    Advert,
    AdvertVersion,
    PersonSpecCriterion,
    Vacancy,
    VacancyStatus,
)

__all__ = [
    "AdvisoryReportAgreement",
    "CriterionAssessment",
    "CriterionOutcome",
    "ScrutinyKind",
    "ScrutinyPoint",
    "ShortlistingDecision",
    "AppointmentDecision",
    "DecisionConfirmation",
    "ExecutiveObjection",
    "DECIDING_BY_DEFAULT",
    "Candidate",
    "CandidateStatus",
    "ConflictOfInterest",
    "PanelRole",
    "PanelSeat",
    "PlanActivity",
    "PlanItem",
    "Stage",
    "StageRole",
    "StageType",
    "Advert",
    "AdvertVersion",
    "Vacancy",
    "VacancyStatus",
    "AuditEvent",
    "CheckKind",
    "CheckStatus",
    "PersonSpecCriterion",
    "PreEmploymentCheck",
    "CandidateReference",
    "BankDocument",
    "BankLoad",
    "LoginAttempt",
    "Question",
    "QuestionVersion",
    "Role",
    "SetPasswordLink",
    "EqualityAnswers",
    "EqualityTally",
    "User",
    "UserSession",
    "AgreedScore",
    "ResultsSnapshot",
    "CandidateDecision",
    "Outcome",
    "Score",
    "ScoreAmendment",
    "ScoreSheet",
    "SheetStatus",
    "StageModeration",
    "FeedbackRequest",
    "LeadershipProfile",
    "TargetProfile",
    "AdvisoryReport",
    "TrafficLight",
]
