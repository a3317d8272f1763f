"""Courts run closed networks: no page may load a script, style, font or image from elsewhere."""

import re
from pathlib import Path

import pytest
from django.conf import settings

EXTERNAL_ASSET = re.compile(
    r"""(?:src|href)\s*=\s*["'](?:https?:)?//|@import\s+url\(\s*["']?(?:https?:)?//""", re.I
)


def _templates() -> list[Path]:
    root = Path(settings.PACKAGE_DIR) if hasattr(settings, "PACKAGE_DIR") else None
    assert root is not None
    return sorted(root.glob("*/templates/**/*.html")) + sorted(root.glob("*/static/**/*.css"))


def test_templates_and_styles_reference_no_external_assets():
    files = _templates()
    assert files, "no templates found"
    offenders = [str(p) for p in files if EXTERNAL_ASSET.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/signin/", "/api/docs/"])
def test_served_pages_load_nothing_from_elsewhere(client, path):
    html = client.get(path).content.decode()
    assert not EXTERNAL_ASSET.search(html), path
