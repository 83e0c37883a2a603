"""The vacancy interchange format: reading, checking and its rules."""
