from __future__ import annotations

import io

from sot.seeding.progress import Progress, duration_text


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_line_has_rows_rate_elapsed_and_eta():
    clock = FakeClock()
    progress = Progress("seed", 1000, unit="cases", stream=io.StringIO(), clock=clock)
    clock.now += 10
    progress.advance(250, note="0101")
    line = progress.line()
    assert "250/1,000 cases (25%)" in line
    assert "25/s" in line
    assert "elapsed 0:10" in line
    assert "ETA 0:30" in line
    assert line.endswith("0101")


def test_output_is_throttled_and_finishes_with_a_full_line():
    clock = FakeClock()
    stream = io.StringIO()
    progress = Progress("seed", 100, stream=stream, clock=clock, log_interval=5)
    for _ in range(60):
        clock.now += 0.1
        progress.advance(1)
    assert stream.getvalue().count("\n") == 1  # one line after 5 seconds, not sixty
    clock.now += 1
    progress.advance(50)  # more than expected: the total becomes what was done
    assert progress.finish() > 0
    assert stream.getvalue().splitlines()[-1].startswith("seed: 110/110 rows (100%)")
    assert "done" in stream.getvalue().splitlines()[-1]


def test_terminal_output_redraws_one_line():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    clock = FakeClock()
    stream = Tty()
    progress = Progress("seed", 10, stream=stream, clock=clock, interval=0.5)
    clock.now += 1
    progress.advance(5)
    assert stream.getvalue().startswith("\r\x1b[K")
    assert "\n" not in stream.getvalue()
    progress.finish()
    assert stream.getvalue().endswith("\n")


def test_duration_text():
    assert duration_text(5) == "0:05"
    assert duration_text(125) == "2:05"
    assert duration_text(3725) == "1:02:05"
