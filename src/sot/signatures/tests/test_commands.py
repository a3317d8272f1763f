"""`sot pki`: the test CA on disk, key files, trust, and the demo credentials."""

from __future__ import annotations

import os
from io import StringIO
from pathlib import Path

import pytest
from cryptography import x509
from django.core.management import CommandError, call_command

from sot.accounts.tests.factories import UserFactory
from sot.signatures import trust
from sot.signatures.services import verify_signature
from sot.signatures.testing import Credential, TestCA

from .conftest import IIN


def test_init_test_ca_refuses_to_overwrite(tmp_path: Path) -> None:
    call_command("pki", "init-test-ca", "--dir", str(tmp_path / "ca"), stdout=StringIO())
    key_before = (tmp_path / "ca" / "root-ca.key").read_bytes()
    assert oct(os.stat(tmp_path / "ca" / "root-ca.key").st_mode & 0o777) == "0o600"
    with pytest.raises(CommandError):
        call_command("pki", "init-test-ca", "--dir", str(tmp_path / "ca"), stdout=StringIO())
    assert (tmp_path / "ca" / "root-ca.key").read_bytes() == key_before


@pytest.mark.parametrize(("algorithm", "purpose"), [("rsa", "sign"), ("ecdsa", "auth")])
def test_issue_writes_key_and_certificate(tmp_path: Path, algorithm: str, purpose: str) -> None:
    call_command("pki", "init-test-ca", "--dir", str(tmp_path / "ca"), stdout=StringIO())
    call_command(
        "pki",
        "issue",
        "--iin",
        IIN,
        "--name",
        "Сейітов Нұрлан",
        "--algorithm",
        algorithm,
        "--purpose",
        purpose,
        "--out",
        str(tmp_path / "keys" / "person"),
        "--dir",
        str(tmp_path / "ca"),
        stdout=StringIO(),
    )
    cert = x509.load_pem_x509_certificate((tmp_path / "keys" / "person.crt").read_bytes())
    assert "IIN" + IIN in cert.subject.rfc4514_string()
    assert b"PRIVATE KEY" in (tmp_path / "keys" / "person.pem").read_bytes()
    with pytest.raises(CommandError):
        call_command(
            "pki",
            "issue",
            "--iin",
            IIN,
            "--name",
            "X",
            "--out",
            str(tmp_path / "keys" / "person"),
            "--dir",
            str(tmp_path / "ca"),
            stdout=StringIO(),
        )


def test_issue_refuses_an_invalid_iin(tmp_path: Path) -> None:
    call_command("pki", "init-test-ca", "--dir", str(tmp_path / "ca"), stdout=StringIO())
    with pytest.raises(CommandError):
        call_command(
            "pki",
            "issue",
            "--iin",
            "123",
            "--name",
            "X",
            "--out",
            str(tmp_path / "k"),
            "--dir",
            str(tmp_path / "ca"),
            stdout=StringIO(),
        )


def test_issue_without_a_ca_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError):
        call_command(
            "pki",
            "issue",
            "--iin",
            IIN,
            "--name",
            "X",
            "--out",
            str(tmp_path / "k"),
            "--dir",
            str(tmp_path / "none"),
        )


def test_trusted_test_ca_verifies_and_revoke_command_revokes(tmp_path: Path, settings) -> None:
    settings.SOT_SIGNATURE_TRUSTED_ROOTS = str(tmp_path / "trusted.pem")
    settings.SOT_SIGNATURE_CRLS = [str(tmp_path / "crl")]
    settings.SOT_SIGNATURE_ALLOW_TEST_CA = True
    call_command("pki", "init-test-ca", "--dir", str(tmp_path / "ca"), "--trust", stdout=StringIO())
    assert len(trust.trusted_roots()) == 1
    ca = TestCA.load(tmp_path / "ca")
    cred = ca.issue(iin=IIN, name="A B")
    (tmp_path / "c.crt").write_text(cred.certificate_pem)
    payload = b"payload"

    def check() -> str:
        return verify_signature(
            payload=payload,
            signature=cred.sign(payload),
            certificate_pem=cred.certificate_pem,
            expected_iin=IIN,
        ).code

    assert check() == "ok"
    call_command(
        "pki",
        "revoke",
        "--cert",
        str(tmp_path / "c.crt"),
        "--dir",
        str(tmp_path / "ca"),
        stdout=StringIO(),
    )
    assert check() == "revoked"


def test_production_ignores_a_test_root_in_its_trust_bundle(tmp_path: Path, settings) -> None:
    settings.DEBUG = False
    settings.SOT_SIGNATURE_TRUSTED_ROOTS = str(tmp_path / "trusted.pem")
    del settings.SOT_SIGNATURE_ALLOW_TEST_CA  # production sets nothing: the default follows DEBUG
    ca = TestCA.create()
    (tmp_path / "trusted.pem").write_text(ca.certificate_pem)
    assert trust.trusted_roots() == {}


@pytest.mark.django_db
def test_demo_seed_writes_keys_that_verify_for_demo_users(tmp_path: Path, settings) -> None:
    from sot.signatures import demo

    settings.DATA_DIR = tmp_path
    settings.SOT_SIGNATURE_ALLOW_TEST_CA = True
    for name in ("SOT_SIGNATURE_TRUSTED_ROOTS", "SOT_SIGNATURE_CRLS"):
        if hasattr(settings, name):
            delattr(settings, name)
    user = UserFactory(username="demo.citizen", iin=IIN, first_name="Нұрлан", last_name="Сейітов")
    UserFactory(username="demo.clerk", iin=None)
    demo.demo_seed()
    demo.demo_seed()  # a second run keeps the files
    key_file = tmp_path / "demo-keys" / "demo.citizen.pem"
    assert key_file.exists()
    assert (tmp_path / "demo-keys" / "demo.citizen-auth.pem").exists()
    assert not (tmp_path / "demo-keys" / "demo.clerk.pem").exists()
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
    cert = x509.load_pem_x509_certificate(
        (tmp_path / "demo-keys" / "demo.citizen.crt").read_bytes()
    )
    cred = Credential(private_key=key, certificate=cert)  # type: ignore[arg-type]
    verdict = verify_signature(
        payload=b"x",
        signature=cred.sign(b"x"),
        certificate_pem=cred.certificate_pem,
        expected_iin=str(user.iin),
    )
    assert verdict.is_valid, verdict
