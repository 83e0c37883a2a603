"""The subject access export's Word document."""
