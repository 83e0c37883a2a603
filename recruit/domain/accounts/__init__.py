"""Passwords and safe redirects after sign-in."""
