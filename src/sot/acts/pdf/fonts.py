"""Find the fonts the PDF embeds. Both faces must have every Kazakh letter (ә ғ қ ң ө ұ ү һ і)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..conf import font_dirs

# Preferred first. DejaVu Serif/Sans and Noto Serif/Sans all cover Cyrillic Extended for Kazakh.
REGULAR = ("DejaVuSerif.ttf", "NotoSerif-Regular.ttf", "DejaVuSans.ttf", "NotoSans-Regular.ttf")
BOLD = ("DejaVuSerif-Bold.ttf", "NotoSerif-Bold.ttf", "DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf")


class FontsMissing(RuntimeError):
    """No usable font file: install Debian's fonts-dejavu-core (or fonts-noto-core)."""


def _find(names: tuple[str, ...], directories: tuple[str, ...]) -> Path:
    for name in names:
        for directory in directories:
            candidate = Path(directory) / name
            if candidate.is_file():
                return candidate
    raise FontsMissing(
        f"none of {', '.join(names)} found in {', '.join(directories)}; "
        "install fonts-dejavu-core or fonts-noto-core, or set SOT_ACTS_FONT_DIRS"
    )


@cache
def _faces(directories: tuple[str, ...]) -> tuple[Path, Path]:
    return _find(REGULAR, directories), _find(BOLD, directories)


def font_faces() -> tuple[Path, Path]:
    """(regular, bold) font files, looked up once per set of directories."""
    return _faces(font_dirs())


def font_face_css() -> str:
    regular, bold = font_faces()
    return (
        f'@font-face {{ font-family: "SotAct"; src: url("{regular.as_uri()}"); font-weight: normal; }}\n'
        f'@font-face {{ font-family: "SotAct"; src: url("{bold.as_uri()}"); font-weight: bold; }}\n'
    )
