"""Demo data: the Situational Center's aggregates rebuilt from whatever the demo holds."""

from __future__ import annotations

from .services import analytics_rebuild


def demo_seed() -> None:
    analytics_rebuild()
