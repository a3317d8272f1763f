"""The pieces of ``sot bench filing``: seeding the bench database and the load generator.

``seed`` runs in a child process against the bench database (its own settings); ``Loader`` runs in
the bench command's process and talks HTTP to gunicorn on 127.0.0.1.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import os
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
KIND = "civil_claim"


def seed(out: Path, users: int, ca_dir: Path) -> None:
    """Make a court, ``users`` citizens with tokens and signing keys; write what the loader needs."""
    import django

    django.setup()
    from django.contrib.auth.models import Group
    from rest_framework.authtoken.models import Token

    from sot.accounts.models import User
    from sot.core.iin import complete_iin
    from sot.core.judiciary import CaseCategory, Instance
    from sot.courts.models import Court, CourtCompetence, CourtKind, CourtLevel, Region
    from sot.signatures.testing import TestCA

    ca = TestCA.load(ca_dir)
    region, _ = Region.objects.get_or_create(
        code="BENCH", defaults={"name_kk": "Бench", "name_ru": "Бенч", "name_en": "Bench"}
    )
    court, _ = Court.objects.get_or_create(
        code="B0001",
        defaults={
            "level": CourtLevel.DISTRICT,
            "kind": CourtKind.DISTRICT,
            "region": region,
            "name_kk": "Бенч аудандық соты",
            "name_ru": "Бенч районный суд",
            "name_en": "Bench District Court",
        },
    )
    CourtCompetence.objects.get_or_create(
        court=court, instance=Instance.FIRST, category=CaseCategory.CIVIL
    )
    citizens = Group.objects.get_or_create(name="citizen")[0]
    rows = []
    for n in range(users):
        iin = None
        k = n
        while iin is None:
            iin = complete_iin(f"900101{3 + k % 2}{k % 10000:04d}")
            k += 10000
        # No password: the loader authenticates with tokens, and hashing 50 passwords is minutes.
        user = User(username=f"bench{n}", iin=iin, first_name="Бенч", last_name=f"Азамат{n}")
        user.set_unusable_password()
        user.save()
        user.groups.add(citizens)
        credential = ca.issue(iin=iin, name=f"Азамат{n} Бенч", algorithm="ecdsa")
        rows.append(
            {
                "token": Token.objects.create(user=user).key,
                "key": credential.private_key_pem,
                "cert": credential.certificate_pem,
            }
        )
    out.write_text(json.dumps({"court": court.code, "users": rows}))


def _multipart(
    fields: list[tuple[str, str]], files: list[tuple[str, str, bytes]]
) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, filename, data in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def build_requests(data: dict[str, Any], count: int) -> list[tuple[str, bytes, str]]:
    """Signed filings, each with two small attachments of its own (so every one is stored)."""
    from cryptography.hazmat.primitives import serialization

    from sot.signatures.services import canonical_bundle
    from sot.signatures.testing import sign_with

    keys = [serialization.load_pem_private_key(u["key"].encode(), None) for u in data["users"]]
    form = {
        "court": data["court"],
        "defendant_name": "ЖШС «Бенч»",
        "subject": "Қарызды өндіріп алу",
        "facts": "Жауапкер қарызды қайтармады.",
        "claim_amount": "100000.00",
    }
    requests = []
    for n in range(count):
        index = n % len(keys)
        user = data["users"][index]
        evidence = f"Дәлел {n} {uuid.uuid4()}\n".encode()
        claim = PDF + f"% {n}\n".encode()
        files = [
            ("claim.pdf", hashlib.sha256(claim).hexdigest()),
            ("evidence.txt", hashlib.sha256(evidence).hexdigest()),
        ]
        payload = canonical_bundle(form={"filing_kind": KIND, **form}, attachments=files)
        signature = base64.b64encode(sign_with(keys[index], payload)).decode()  # type: ignore[arg-type]
        body, content_type = _multipart(
            [
                ("kind", KIND),
                ("form", json.dumps(form, ensure_ascii=False)),
                ("slots", "claim_text"),
                ("slots", "evidence"),
                ("signature", signature),
                ("certificate", user["cert"]),
                ("client_key", uuid.uuid4().hex),
            ],
            [("files", "claim.pdf", claim), ("files", "evidence.txt", evidence)],
        )
        requests.append((user["token"], body, content_type))
    return requests


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def run_load(
    port: int, requests: list[tuple[str, bytes, str]], threads: int, warmup: float, duration: float
) -> tuple[Results, float]:
    """``threads`` keep-alive clients; only requests that start after the warm-up count."""
    results = Results()
    cursor = iter(requests)
    cursor_lock = threading.Lock()
    start = time.monotonic()
    measure_from = start + warmup
    stop_at = measure_from + duration

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            now = time.monotonic()
            if now >= stop_at:
                break
            with cursor_lock:
                item = next(cursor, None)
            if item is None:
                break
            token, body, content_type = item
            began = time.monotonic()
            try:
                conn.request(
                    "POST",
                    "/api/v1/filing/filings/?brief=1",
                    body=body,
                    headers={"Authorization": f"Token {token}", "Content-Type": content_type},
                )
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                status = type(exc).__name__  # type: ignore[assignment]
            elapsed = time.monotonic() - began
            if began < measure_from:
                continue
            with results.lock:
                if status == 201:
                    results.latencies.append(elapsed)
                else:
                    results.errors[str(status)] = results.errors.get(str(status), 0) + 1
        conn.close()

    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    window = min(time.monotonic(), stop_at) - measure_from
    return results, window


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def bench_env(
    base: dict[str, str], database_url: str, data_dir: Path, ca_dir: Path
) -> dict[str, str]:
    env = dict(base)
    env.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "sot.filing.bench_settings",
            "SOT_DATA_DIR": str(data_dir),
            "SOT_BENCH_CA_ROOT": str(ca_dir / "root-ca.crt"),
            "SOT_BENCH_CA_CRL": str(ca_dir / "root-ca.crl"),
            "SOT_SECRET_KEY": os.urandom(32).hex(),
        }
    )
    env.pop("SOT_CACHE_URL", None)
    return env
