"""A district court with a clerk, a citizen and a lawyer holding signing certificates from a test CA."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory, valid_iin
from sot.courts.models import Court
from sot.courts.tests.factories import CourtFactory
from sot.filing import signing
from sot.signatures.testing import Credential, TestCA, install_test_ca

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf(name: str = "claim.pdf", extra: bytes = b"") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF + extra, content_type="application/pdf")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class World:
    ca: TestCA
    court: Court
    clerk: User
    citizen: User
    other: User
    prosecutor: User
    cred: Credential
    other_cred: Credential


@pytest.fixture
def world(settings: Any, db: None) -> World:
    ca = install_test_ca(settings)
    court = CourtFactory()
    citizen = UserFactory(roles=[Role.CITIZEN], iin=valid_iin(101), first_name="Әлия")
    other = UserFactory(roles=[Role.CITIZEN], iin=valid_iin(102))
    return World(
        ca=ca,
        court=court,
        clerk=UserFactory(roles=[Role.CLERK], court=court),
        citizen=citizen,
        other=other,
        prosecutor=UserFactory(roles=[Role.PROSECUTOR], iin=valid_iin(103)),
        cred=ca.issue(iin=citizen.iin, name="Сейітова Әлия"),
        other_cred=ca.issue(iin=other.iin, name="Other Person", algorithm="ecdsa"),
    )


def claim_form(world: World, **extra: Any) -> dict[str, Any]:
    return {
        "court": world.court.code,
        "defendant_name": "ЖШС «Алатау»",
        "subject": "Қарызды өндіріп алу",
        "facts": "Жауапкер 2025 жылғы шартпен алған қарызды қайтармады.",
        "claim_amount": "1000000",
        **extra,
    }


def direct_payload(
    kind: str,
    form: dict[str, Any],
    files: list[tuple[str, str, bytes]],
    cred: Credential,
    *,
    key: str = "k1",
    sign_files: list[tuple[str, str, bytes]] | None = None,
) -> dict[str, Any]:
    """A one-shot multipart body; ``sign_files`` lets a test sign other bytes than it sends."""
    from sot.core.errors import ValidationFailed
    from sot.filing.schema import kind_get
    from sot.filing.validation import clean_values

    try:
        clean = clean_values(kind_get(kind), form, complete=False)  # type: ignore[arg-type]
    except ValidationFailed:
        clean = form  # the server will refuse it; sign what is sent
    signed = sign_files if sign_files is not None else files
    payload = signing.bundle_bytes(kind, clean, [(name, sha(data)) for _slot, name, data in signed])
    import json

    return {
        "kind": kind,
        "form": json.dumps(form),
        "slots": [slot for slot, _n, _d in files],
        "files": [SimpleUploadedFile(name, data) for _slot, name, data in files],
        "signature": base64.b64encode(cred.sign(payload)).decode(),
        "certificate": cred.certificate_pem,
        "client_key": key,
    }
