"""The scoring record as every feature reads it, kept out of any one blueprint.

``sheets``: who scores whom at a stage, where each sheet stands, which sheets are set aside,
and when moderation is open. ``visibility``: what of the panel's scoring a person may see,
and when. ``consolidation``: a stage's counted scores and moderation, run through the pure
rules in ``recruit.domain.scoring``. Scoring, moderation, summaries, comparisons, stages,
vacancies and the command line all read the record through these.
"""
