"""Templates as versioned data; the PDF's fonts, QR code and check link."""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Any

import pytest

from sot.core.errors import ValidationFailed

from .. import services
from ..pdf import fonts
from ..pdf.render import check_url, qr_svg_data_uri
from ..templates import render_text, seed_templates, template_current, template_revise
from .conftest import World

KAZAKH_LETTERS = "әғқңөұүһі"


def test_every_kind_has_kk_and_ru_templates_with_four_parts() -> None:
    from ..models import ActKind

    rows = seed_templates()
    for kind in ActKind.values:
        for lang in ("kk", "ru"):
            keys = [part["key"] for part in rows[(kind, lang)]["parts"]]
            assert keys == ["introductory", "descriptive", "reasoning", "operative"]


def test_an_edit_is_a_new_version_and_old_acts_keep_theirs(world: World) -> None:
    first = services.act_draft_create(
        case=world.case, kind="decision", lang="ru", acting_user=world.judge.user
    )
    body = dict(first.template.parts)  # type: ignore[union-attr]
    body["parts"] = [dict(part) for part in body["parts"]]
    body["parts"][3]["paragraphs"] = ["Иск удовлетворить.", "{appeal}"]
    revised = template_revise(
        kind="decision", lang="ru", title="РЕШЕНИЕ", body=body, acting_user=None
    )
    assert revised.version == 2
    second = services.act_draft_create(
        case=world.case, kind="decision", lang="ru", acting_user=world.judge.user
    )
    assert second.template == revised
    assert "Иск удовлетворить." in second.text
    first.refresh_from_db()
    assert first.template is not None
    assert first.template.version == 1


def test_a_malformed_template_is_refused(db: None) -> None:
    with pytest.raises(ValidationFailed):
        template_revise(kind="decision", lang="kk", title="x", body={"parts": []}, acting_user=None)


def test_paragraphs_are_numbered_across_parts_and_unknown_values_marked(db: None) -> None:
    text = render_text(template_current("decision", "kk"), {"subject": "Қарыз"}, number="1-2")
    numbers = [line.split(".")[0] for line in text.splitlines() if line[:1].isdigit()]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    assert "[…]" in text  # what the record did not supply is left for the judge


def test_fonts_cover_the_kazakh_letters() -> None:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    for path in fonts.font_faces():
        cmap = TTFont(str(path)).getBestCmap()
        assert all(ord(letter) in cmap and ord(letter.upper()) in cmap for letter in KAZAKH_LETTERS)


def test_missing_fonts_give_a_clear_error(settings: Any, tmp_path: Path) -> None:
    settings.SOT_ACTS_FONT_DIRS = (str(tmp_path),)
    with pytest.raises(fonts.FontsMissing, match="fonts-dejavu"):
        fonts.font_faces()


def test_qr_and_check_link_lead_to_the_public_page(settings: Any) -> None:
    settings.SOT_ACTS_PUBLIC_URL = "https://sot.example.kz/"
    assert check_url("ABCDEF2345") == "https://sot.example.kz/acts/check/ABCDEF2345/"
    assert qr_svg_data_uri("x").startswith("data:image/svg+xml;base64,")


def _inflated(pdf: bytes) -> bytes:
    """The PDF with its compressed streams (object streams included) inflated."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_pdf_embeds_the_fonts_and_the_code(world: World) -> None:
    act = services.assistant_draft(
        case=world.case, rule="court_order", lang="kk", acting_user=world.judge.user
    )
    signature, certificate = world.sign(act)
    act = services.act_sign(
        act=act, signature=signature, certificate_pem=certificate, acting_user=world.judge.user
    )
    pdf = bytes(act.document.pdf)
    assert pdf.startswith(b"%PDF")
    content = _inflated(pdf)
    assert b"/FontFile2" in content  # TrueType fonts embedded, not referenced
    assert b"+SotAct" in content  # subsets of our @font-face family
