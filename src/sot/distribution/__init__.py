"""Automated case distribution: eligibility, the draw, its log entry and verification."""
