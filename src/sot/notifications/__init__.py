"""Notifications: channels, templates, routing, delivery tracking and late-notice violations (issue 6)."""
