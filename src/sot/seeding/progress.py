"""A progress line for long commands: done/total, rate per second, elapsed time and time left.

Written to stderr and throttled: on a terminal the line is redrawn in place at most every
``interval`` seconds; into a file or a pipe (CI logs) a full line is written at most every
``log_interval`` seconds, so logs stay short.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


def duration_text(seconds: float) -> str:
    """``1:02:03`` or ``2:03``."""
    seconds = max(int(seconds), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    def __init__(
        self,
        label: str,
        total: int,
        *,
        unit: str = "rows",
        stream: TextIO | None = None,
        interval: float = 0.5,
        log_interval: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.total = max(total, 0)
        self.unit = unit
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.started = clock()
        self.done = 0
        self.note = ""
        self.is_tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval if self.is_tty else log_interval
        self._last_shown = self.started
        self._shown_any = False

    def advance(self, count: int = 1, note: str = "") -> None:
        self.done += count
        if note:
            self.note = note
        now = self.clock()
        if now - self._last_shown >= self.interval:
            self._last_shown = now
            self._show(now, final=False)

    def line(self, now: float | None = None) -> str:
        now = self.clock() if now is None else now
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        parts = [f"{self.label}: {self.done:,}"]
        if self.total:
            share = min(self.done / self.total, 1.0)
            parts[0] += f"/{self.total:,} {self.unit} ({share:.0%})"
            left = (self.total - self.done) / rate if rate > 0 else 0.0
            tail = f"ETA {duration_text(left)}" if self.done < self.total else "done"
        else:
            parts[0] += f" {self.unit}"
            tail = ""
        parts.append(f"{rate:,.0f}/s")
        parts.append(f"elapsed {duration_text(elapsed)}")
        if tail:
            parts.append(tail)
        if self.note:
            parts.append(self.note)
        return " · ".join(parts)

    def finish(self) -> float:
        """Show the final line; returns the elapsed seconds."""
        now = self.clock()
        self.total = self.done  # estimates end here: the final line gives the real count
        self._show(now, final=True)
        return now - self.started

    def _show(self, now: float, final: bool) -> None:
        text = self.line(now)
        if self.is_tty:
            end = "\n" if final else ""
            self.stream.write(f"\r\x1b[K{text}{end}")
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
        self._shown_any = True
