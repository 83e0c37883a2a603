"""What people read for each stage type and panel role: shared by the stage forms, the
panel's pages, the summaries, the subject access export and the vacancy import."""

from __future__ import annotations

from recruit.models import PanelRole, StageType

STAGE_TYPE_LABELS = {
    StageType.SHORTLISTING: "Shortlisting",
    StageType.STAKEHOLDER_PANEL: "Stakeholder panel",
    StageType.YOUNG_PEOPLES_PANEL: "Young people's panel",
    StageType.PRESENTATION: "Presentation",
    StageType.FINAL_PANEL: "Final panel interview",
    StageType.ELECTED_MEMBER_PANEL: "Elected-member appointment panel",
}
PANEL_ROLE_LABELS = {
    PanelRole.CHAIR: "Chair",
    PanelRole.MEMBER: "Panel member",
    PanelRole.HR_ADVISER: "HR adviser",
    PanelRole.PARTNER_REPRESENTATIVE: "Partner representative",
    PanelRole.ELECTED_MEMBER: "Elected member",
    PanelRole.YOUNG_PEOPLES_PANEL: "Young people's panel member",
}
