"""Hybrid mail: PDF letters with Kazakh letters, packed into a ZIP with a manifest."""

from __future__ import annotations

import json
import re
import zipfile
import zlib

import pytest

from sot.notifications import batching
from sot.notifications.channels.base import Outgoing
from sot.notifications.channels.hybrid import letter_pdf
from sot.notifications.models import Channel, ContactKind, DeliveryState
from sot.notifications.services import notify

from .factories import ContactPointFactory

pytestmark = pytest.mark.django_db


def test_the_letter_embeds_a_font_with_kazakh_letters():
    pdf = letter_pdf(
        Outgoing(
            key="k",
            address="",
            subject="Сот отырысы",
            body="Әңгіме: ғқңөұүһі",
            lang="kk",
            extra={"recipient_name": "Сапарова Айгүл", "postal_address": "Алматы"},
        )
    )
    assert pdf.startswith(b"%PDF")
    names = b"".join(_streams(pdf)) + pdf
    assert b"+Noto-Sans" in names or b"+DejaVuSans" in names
    # The ToUnicode map carries the Kazakh letters (U+04D8 Ә, U+04A3 ң, U+0456 і): no tofu.
    assert all(code in names.upper() for code in (b"<04D8>", b"<04A3>", b"<0456>"))


def _streams(pdf: bytes) -> list[bytes]:
    found = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            found.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return found


def test_letters_are_batched_with_a_manifest_and_the_print_centre_receipt_closes_them(
    w, django_capture_on_commit_callbacks
):
    ContactPointFactory(
        user=w.citizen, kind=ContactKind.POSTAL, value="Алматы қ., Абай даңғылы 10, 5 пәтер"
    )
    with django_capture_on_commit_callbacks(execute=True):
        notice = notify(
            kind="filing.returned",  # e-mail and push first; the person has neither, so paper
            recipients=[w.citizen],
            context={
                "filing_number": "9",
                "filing_kind": "Талап арыз",
                "grounds": "қол қойылмаған",
            },
            key="r",
        )[0]
    letter = notice.deliveries.get(channel=Channel.HYBRID_MAIL)
    assert letter.state == DeliveryState.SENT
    assert letter.is_fallback

    batch = batching.print_batch_make()
    assert batch is not None
    assert batch.count == 1
    with zipfile.ZipFile(batch.path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert archive.read(f"{letter.key}.pdf").startswith(b"%PDF")
    assert manifest["letters"][0]["key"] == str(letter.key)
    assert "Абай" in manifest["letters"][0]["address"]
    assert batching.print_batch_make() is None  # nothing left to pack

    from sot.notifications.dispatch import receipt_record

    receipt_record(providers=["print-centre"], provider_id=str(letter.key), status="delivered")
    letter.refresh_from_db()
    assert letter.state == DeliveryState.DELIVERED
