"""``sot pki``: the local test CA, key files, and rechecking pending signatures.

sot pki init-test-ca [--dir D] [--trust]     create a root CA (refuses to overwrite)
sot pki issue --iin I --name N [--algorithm rsa|ecdsa] [--purpose sign|auth] --out PREFIX [--dir D]
sot pki revoke --cert FILE [--dir D]        add a certificate to the test CA's CRL
sot pki crl [--dir D]                       publish a fresh CRL (next update in a year)
sot pki recheck [--limit N]                 verify PENDING signatures again
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sot.core.iin import is_valid_iin
from sot.signatures import pki
from sot.signatures.challenges import purge_challenges
from sot.signatures.services import recheck_pending


class Command(BaseCommand):
    help = "Test CA, key files and signature rechecks."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        init = sub.add_parser("init-test-ca")
        init.add_argument("--dir", type=Path)
        init.add_argument(
            "--trust", action="store_true", help="add the root to the configured trusted roots"
        )
        issue = sub.add_parser("issue")
        issue.add_argument("--iin", required=True)
        issue.add_argument("--name", required=True)
        issue.add_argument("--algorithm", choices=["rsa", "ecdsa"], default="rsa")
        issue.add_argument("--purpose", choices=["sign", "auth"], default="sign")
        issue.add_argument("--out", required=True, type=Path)
        issue.add_argument("--dir", type=Path)
        revoke = sub.add_parser("revoke")
        revoke.add_argument("--cert", required=True, type=Path)
        revoke.add_argument("--dir", type=Path)
        crl = sub.add_parser("crl")
        crl.add_argument("--dir", type=Path)
        recheck = sub.add_parser("recheck")
        recheck.add_argument("--limit", type=int, default=1000)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"].replace("-", "_")
        getattr(self, f"_{action}")(options)

    def _ca(self, options: dict[str, Any]) -> pki.TestCA:
        directory = options.get("dir") or pki.default_ca_dir()
        try:
            return pki.load_ca(directory)
        except FileNotFoundError:
            raise CommandError(
                _("No test CA in %(dir)s; run `sot pki init-test-ca` first.") % {"dir": directory}
            ) from None

    def _init_test_ca(self, options: dict[str, Any]) -> None:
        directory = options["dir"] or pki.default_ca_dir()
        try:
            ca = pki.init_test_ca(directory)
        except FileExistsError:
            raise CommandError(
                _("A CA already exists in %(dir)s; it is not overwritten.") % {"dir": directory}
            ) from None
        self.stdout.write(_("Test CA created in %(dir)s.") % {"dir": directory})
        if options["trust"]:
            bundle = pki.trust_test_ca(ca)
            self.stdout.write(_("Its root was added to %(path)s.") % {"path": bundle})

    def _issue(self, options: dict[str, Any]) -> None:
        if not is_valid_iin(options["iin"]):
            raise CommandError(_("Not a valid IIN: %(iin)s.") % {"iin": options["iin"]})
        ca = self._ca(options)
        credential = ca.issue(
            iin=options["iin"],
            name=options["name"],
            algorithm=options["algorithm"],
            purpose=options["purpose"],
        )
        try:
            key_path, cert_path = pki.write_credential(credential, options["out"])
        except FileExistsError as exc:
            raise CommandError(
                _("%(path)s exists; it is not overwritten.") % {"path": exc}
            ) from None
        self.stdout.write(f"{key_path}\n{cert_path}")

    def _revoke(self, options: dict[str, Any]) -> None:
        ca = self._ca(options)
        try:
            cert = pki.read_certificate(options["cert"])
        except (OSError, ValueError):
            raise CommandError(
                _("Cannot read a PEM certificate from %(path)s.") % {"path": options["cert"]}
            ) from None
        ca.revoke(cert.serial_number)
        self.stdout.write(_("Certificate %(serial)x revoked.") % {"serial": cert.serial_number})

    def _crl(self, options: dict[str, Any]) -> None:
        ca = self._ca(options)
        ca.write_crl()
        self.stdout.write(str(ca.crl_path))

    def _recheck(self, options: dict[str, Any]) -> None:
        purge_challenges()
        counts = recheck_pending(limit=options["limit"])
        self.stdout.write(
            _("Rechecked: %(valid)d valid, %(invalid)d invalid, %(pending)d still pending.")
            % counts
        )
