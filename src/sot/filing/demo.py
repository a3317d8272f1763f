"""Demo filings for demo.citizen and demo.lawyer in several states, signed with their demo keys.

The keys are the ones the signatures app's ``demo_seed`` writes to ``var/demo-keys/<username>.pem``
(key followed by certificate); without them only drafts are made. Run after the base demo; does
nothing when the demo citizen already has filings.
"""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from sot.accounts.models import User
from sot.cases.selectors import my_cases
from sot.core import clock
from sot.core.errors import DomainError
from sot.signatures.testing import sign_with

from . import services, signing
from .models import Filing

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _credential(user: User) -> tuple[Any, str] | None:
    path = Path(settings.DATA_DIR) / "demo-keys" / f"{user.username}.pem"
    if not path.exists():
        return None
    text = path.read_bytes()
    key = serialization.load_pem_private_key(text, password=None)
    cert = x509.load_pem_x509_certificate(text[text.index(b"-----BEGIN CERTIFICATE-----") :])
    return key, cert.public_bytes(serialization.Encoding.PEM).decode()


def _submit(
    user: User, kind: str, form: dict[str, Any], files: list[tuple[str, str]], key: str
) -> Filing | None:
    credential = _credential(user)
    if credential is None:
        return None
    uploads = [(slot, SimpleUploadedFile(name, PDF + name.encode())) for slot, name in files]
    clean = services.clean_form(services.kind_for(kind), form, user, complete=True).data
    hashes = [(name, signing.bundle_digest(PDF + name.encode())) for _slot, name in files]
    payload = signing.bundle_bytes(kind, clean, hashes)
    signature = base64.b64encode(sign_with(credential[0], payload)).decode()
    filing, _created = services.filing_submit_direct(
        filer=user,
        kind_code=kind,
        form=form,
        files=uploads,
        signed=services.Signed(signature, credential[1]),
        client_key=f"demo-{key}",
    )
    return filing


def demo_seed() -> None:
    citizen = User.objects.filter(username="demo.citizen").first()
    lawyer = User.objects.filter(username="demo.lawyer").first()
    clerk = User.objects.filter(username="demo.clerk").first()
    if citizen is None or clerk is None or clerk.court is None:
        return
    if Filing.objects.filter(filer=citizen).exists():
        return
    court = clerk.court.code
    claim = {
        "court": court,
        "defendant_name": "«Алатау Құрылыс» ЖШС",
        "subject": "Шарт бойынша берешекті өндіріп алу",
        "facts": "Жауапкер 2025 жылғы мердігерлік шарт бойынша төлемді төлемеді.",
        "claim_amount": "1500000",
    }
    services.draft_create(filer=citizen, kind_code="civil_claim", form={"court": court})
    try:
        _submit(citizen, "civil_claim", claim, [("claim_text", "talap.pdf")], "citizen-claim")
        left = _submit(
            citizen,
            "civil_claim",
            {**claim, "claim_amount": "250000"},
            [("claim_text", "talap-2.pdf")],
            "citizen-claim-2",
        )
        if left is not None:
            services.filing_leave_without_motion(
                filing=left,
                clerk=clerk,
                grounds=["copies_missing"],
                cure_by=clock.today() + dt.timedelta(days=10),
            )
        case = my_cases(citizen).filter(number__isnull=False, court=clerk.court).first()
        if case is not None:
            _submit(
                citizen,
                "petition_read_materials",
                {"case": case.number, "request": "Іс материалдарымен танысуға рұқсат сұраймын."},
                [],
                "citizen-read",
            )
        if lawyer is not None:
            order = {
                "court": court,
                "debtor_name": "Жұмабеков Ерлан",
                "subject": "Қарыз",
                "debt_amount": "420000",
                "facts": "Қолхат бойынша қарыз қайтарылмады.",
            }
            _submit(
                lawyer,
                "court_order",
                order,
                [("application_text", "aryz.pdf"), ("debt_documents", "kolkhat.pdf")],
                "lawyer-order",
            )
            returned = _submit(
                lawyer,
                "court_order",
                {**order, "debt_amount": "90000"},
                [("application_text", "aryz-2.pdf"), ("debt_documents", "k2.pdf")],
                "lawyer-order-2",
            )
            if returned is not None:
                services.filing_return(
                    filing=returned, clerk=clerk, grounds=["not_within_jurisdiction"]
                )
    except DomainError:
        # A demo without a trusted demo CA (signatures not seeded): the drafts are enough.
        return
