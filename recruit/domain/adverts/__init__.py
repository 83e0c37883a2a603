"""Adverts: the language check (check/) and the draft (draft/), and role levels."""
