"""Demo acts: on the demo judge's cases, a few signed (and published) acts and one assistant draft.

Everything goes through the services as the judge would do it; the judge's signature is made with
the demo key file ``var/demo-keys/demo.judge.pem`` (written by the signatures demo, which is run
first if the file is missing). Runs once: a demo judge who already has acts is left alone.
"""

from __future__ import annotations

import base64
import re

from cryptography.hazmat.primitives.serialization import load_pem_private_key

from sot.cases.models import Case, CaseStatus
from sot.core.errors import DomainError
from sot.core.judiciary import CaseCategory
from sot.courts.models import Judge

from . import publication, services
from .models import Act, ActKind

_PEM_BLOCK = re.compile(r"-----BEGIN ([A-Z ]+)-----.*?-----END \1-----", re.S)
FINISHED = [CaseStatus.IN_FORCE, CaseStatus.ENFORCEMENT, CaseStatus.ARCHIVED, CaseStatus.DECIDED]
EARLY = [CaseStatus.REGISTERED, CaseStatus.ACCEPTED, CaseStatus.FILED]


def _demo_key() -> tuple[object, str] | None:
    from sot.signatures import demo as signature_demo

    path = signature_demo.demo_keys_dir() / "demo.judge.pem"
    if not path.exists():
        signature_demo.demo_seed()
    if not path.exists():
        return None
    blocks = {m.group(1): m.group(0) for m in _PEM_BLOCK.finditer(path.read_text())}
    if "PRIVATE KEY" not in blocks or "CERTIFICATE" not in blocks:
        return None
    return load_pem_private_key(blocks["PRIVATE KEY"].encode(), password=None), blocks[
        "CERTIFICATE"
    ]


def _sign(act: Act, key: object, certificate: str) -> Act:
    from sot.signatures.testing import sign_with

    signature = sign_with(key, services.signing_payload(act))  # type: ignore[arg-type]
    return services.act_sign(
        act=act,
        signature=base64.b64encode(signature).decode("ascii"),
        certificate_pem=certificate,
        acting_user=act.created_by,  # type: ignore[arg-type]
    )


def demo_seed() -> int:
    """Signed and published acts on the demo judge's cases; returns the number of acts made."""
    judge = Judge.objects.select_related("user").filter(user__username="demo.judge").first()
    if judge is None or Act.objects.filter(judge=judge).exists():
        return 0
    user = judge.user
    cases = Case.objects.filter(bench__judge=judge, category=CaseCategory.CIVIL, is_closed=False)
    made = 0
    credentials = _demo_key()
    for case in cases.filter(status__in=FINISHED).order_by("pk")[:2]:
        lang = "kk" if made % 2 == 0 else "ru"
        act = services.act_draft_create(
            case=case, kind=ActKind.DECISION, lang=lang, acting_user=user
        )
        made += 1
        if credentials is None:
            continue
        try:
            signed = _sign(act, *credentials)
        except DomainError:
            continue  # e.g. the demo CA is not trusted here: the draft stays for the judge
        publication.act_publication_apply(act_id=signed.pk)
    early = cases.filter(status__in=EARLY, claim_amount__gt=0).order_by("pk")
    for case in early[:5]:
        try:
            services.assistant_draft(case=case, rule="court_order", lang="kk", acting_user=user)
        except DomainError:
            continue  # preconditions not met on this case (e.g. no documents)
        made += 1
        break
    return made
