"""Hearings: scheduling, conflicts, start and end, postponements, suspensions and calendars."""
