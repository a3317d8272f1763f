"""The judge's smart assistant: complete drafts of routine acts from the case record.

Each rule (``rules.py``) knows one routine act with a clear legal rule: its preconditions, the
values it can take from the case record and what the judge must still verify by hand. The
assistant only drafts: ``services.assistant_draft`` saves a draft, the judge edits, signs or rejects it.
"""

from .base import Check, CheckMessage, Proposal, Rule
from .rules import RULES, rule_get

__all__ = ["RULES", "Check", "CheckMessage", "Proposal", "Rule", "rule_get"]
