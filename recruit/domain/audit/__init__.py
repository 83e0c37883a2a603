"""Filtering the audit log."""
