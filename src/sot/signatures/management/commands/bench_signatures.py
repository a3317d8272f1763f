"""``sot bench signatures``: full verifications per second (RSA-2048 and ECDSA P-256) against a large CRL.

Each verification runs every check the filing submit path runs: signature, chain to the trusted
root, validity, purpose, IIN and a CRL lookup. The CRL carries ``--revoked`` entries (NCA RK's
CRLs hold hundreds of thousands; the lookup cost is what matters). In-process, one core, bounded
by ``--seconds`` per algorithm; uses a throwaway test CA, so it touches no configured trust.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand
from django.test import override_settings

from sot.core.iin import complete_iin
from sot.signatures import trust
from sot.signatures.services import canonical_bundle, verify_signature
from sot.signatures.testing import CRL_FILE, ROOT_CERT, TestCA


class Command(BaseCommand):
    help = "Benchmark signature verification (verifications/s, p50/p95 ms)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--seconds", type=float, default=5.0)
        parser.add_argument("--revoked", type=int, default=100_000)

    def handle(self, *args: Any, **options: Any) -> None:
        directory = Path(tempfile.mkdtemp(prefix="sot-bench-ca-"))
        ca = TestCA.create()
        ca.save(directory)
        ca.revoked = {
            serial: ca.certificate.not_valid_before_utc
            for serial in range(1, options["revoked"] + 1)
        }
        ca.write_crl()
        iin = complete_iin("85010130001") or complete_iin("85010130002") or ""
        payload = canonical_bundle(
            form={"kind": "civil_claim", "claim_amount": "1500000", "court": "1950"},
            attachments=[("claim.pdf", "a" * 64), ("receipt.pdf", "b" * 64)],
        )
        with override_settings(
            SOT_SIGNATURE_TRUSTED_ROOTS=str(directory / ROOT_CERT),
            SOT_SIGNATURE_CRLS=[str(directory / CRL_FILE)],
            SOT_SIGNATURE_ALLOW_TEST_CA=True,
            SOT_SIGNATURE_BACKEND="sot.signatures.adapters.x509.X509Verifier",
        ):
            began = time.perf_counter()
            trust.revocation_lists()  # first load parses and indexes the CRL; reported apart
            self.stdout.write(f"CRL load: {(time.perf_counter() - began) * 1000:.0f} ms")
            for algorithm in ("rsa", "ecdsa"):
                cred = ca.issue(iin=iin, name="Bench Signer", algorithm=algorithm)
                signature = cred.sign(payload)
                timings: list[float] = []
                deadline = time.perf_counter() + options["seconds"]
                while time.perf_counter() < deadline:
                    began = time.perf_counter()
                    verdict = verify_signature(
                        payload=payload,
                        signature=signature,
                        certificate_pem=cred.certificate_pem,
                        expected_iin=iin,
                    )
                    timings.append((time.perf_counter() - began) * 1000)
                    if not verdict.is_valid:
                        raise RuntimeError(verdict.code)
                total = sum(timings) / 1000
                p95 = (
                    statistics.quantiles(timings, n=20)[18] if len(timings) >= 20 else max(timings)
                )
                self.stdout.write(
                    f"{algorithm}: {len(timings)} verifications in {total:.1f}s = {len(timings) / total:.0f}/s, "
                    f"p50 {statistics.median(timings):.2f} ms, p95 {p95:.2f} ms "
                    f"(CRL of {options['revoked']} entries)"
                )
