from __future__ import annotations

import pytest

from sot.analytics.services import analytics_update

from .world import World, build_world


@pytest.fixture
def world(db: None) -> World:
    built = build_world()
    analytics_update()
    return built
