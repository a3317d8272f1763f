"""One clock for the whole platform, so tests and the seeder can set the time explicitly."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime

from django.utils import timezone

_source: Callable[[], datetime] = timezone.now


def now() -> datetime:
    """The current aware datetime (UTC)."""
    return _source()


def today() -> date:
    """Today's date in the server's zone (``TIME_ZONE``)."""
    return timezone.localdate(now())


@contextmanager
def frozen(moment: datetime) -> Iterator[None]:
    """Make ``now()`` return ``moment`` inside the block."""
    global _source
    if timezone.is_naive(moment):
        raise ValueError("the clock only holds aware datetimes")
    previous = _source
    _source = lambda: moment  # noqa: E731
    try:
        yield
    finally:
        _source = previous
