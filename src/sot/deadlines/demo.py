"""Deadlines for seeded data: the seeder writes case events in bulk, without the case event signal.

``demo_seed()`` rebuilds every clock from those events and runs the monitor once, so the demo
judge's docket, the case pages and the monitoring pages show deadlines and violations at once.
"""

from __future__ import annotations

from .monitor import monitor_run
from .recompute import RecomputeResult, clocks_recompute


def demo_seed() -> RecomputeResult:
    result = clocks_recompute()
    monitor_run()
    return result
