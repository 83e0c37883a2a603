"""The panel scoring summary as a Word document."""
