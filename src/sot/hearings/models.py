"""Hearings: records."""
