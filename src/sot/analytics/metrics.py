"""Names of the stored metrics (``Fact.metric``): raw counts and sums that indicators combine."""

from __future__ import annotations

import datetime as dt

FILED = "filed"
FILED_ELECTRONIC = "filed_electronic"
INCOMING = "incoming"  # registered: the case entered the court's workload
RESOLVED = "resolved"  # decided, by the month of the decision
RESOLVED_SECONDS = "resolved_seconds"  # registration to decision, summed
RESOLVED_BY_REGISTRATION = "resolved_by_registration"  # decided, by the month registered
SUSPENDED = "suspended"
RESUMED = "resumed"
SUSPENSION_SECONDS = "suspension_seconds"
SUSPENDED_OPEN = "suspended_open"  # +1 when suspended, −1 when resumed, by the month suspended
APPEALED = "appealed"
ASSIGNED = "assigned"  # judge rows only: cases assigned to the judge as presiding
# Judge rows only, kept under one fixed month: the judge's open cases now (their workload).
OPEN = "open"
STOCK_MONTH = dt.date(2000, 1, 1)
HEARINGS_HELD = "hearings_held"
HEARINGS_VIDEO = "hearings_video"
HEARINGS_LATE = "hearings_late"
POSTPONED = "postponed"
POSTPONED_JUSTIFIED = "postponed_justified"
POSTPONED_UNJUSTIFIED = "postponed_unjustified"

# Outcomes of signed acts the acts app puts in the ACT_SIGNED event's payload ("outcome").
CONCILIATION = "conciliation"
REVERSED = "reversed"
MODIFIED = "modified"
UPHELD = "upheld"
ACT_OUTCOMES = (CONCILIATION, REVERSED, MODIFIED, UPHELD)
APPEAL_OUTCOMES = (REVERSED, MODIFIED, UPHELD)


def act_outcome(outcome: str) -> str:
    return f"act:{outcome}"


def violation(kind: str) -> str:
    return f"violation:{kind}"


def violation_seconds(kind: str) -> str:
    return f"violation_seconds:{kind}"
