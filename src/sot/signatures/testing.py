"""A local certification authority for tests, the demo and `sot pki`: real keys, real certificates.

Its root carries the TEST_CA_MARK in the subject, and such roots are trusted only where
``SOT_SIGNATURE_ALLOW_TEST_CA`` is on, so a test root that slips into production's trust bundle is
still refused.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from sot.core import clock

from .certinfo import TEST_CA_MARK

Algorithm = Literal["rsa", "ecdsa"]
CredentialPurpose = Literal["sign", "auth"]
PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey

ROOT_KEY = "root-ca.key"
ROOT_CERT = "root-ca.crt"
CRL_FILE = "root-ca.crl"


def _new_key(algorithm: Algorithm) -> PrivateKey:
    if algorithm == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if algorithm == "ecdsa":
        return ec.generate_private_key(ec.SECP256R1())
    raise ValueError(f"unknown algorithm {algorithm!r}")


def _key_pem(key: PrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")


def _cert_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def sign_with(key: PrivateKey, payload: bytes) -> bytes:
    """RSA PKCS#1 v1.5 or ECDSA (DER), both with SHA-256: the wire format Sot verifies."""
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(payload, padding.PKCS1v15(), hashes.SHA256())
    return key.sign(payload, ec.ECDSA(hashes.SHA256()))


@dataclass(frozen=True)
class Credential:
    """A person's key and certificate, as a key file from the CA would hold them."""

    private_key: PrivateKey = field(repr=False)
    certificate: x509.Certificate

    @property
    def certificate_pem(self) -> str:
        return _cert_pem(self.certificate)

    @property
    def private_key_pem(self) -> str:
        return _key_pem(self.private_key)

    @property
    def serial(self) -> int:
        return self.certificate.serial_number

    def sign(self, payload: bytes) -> bytes:
        return sign_with(self.private_key, payload)


class TestCA:
    """A root CA (ECDSA P-256) that issues person certificates and publishes a CRL."""

    __test__ = False  # not a pytest test class

    def __init__(
        self,
        key: ec.EllipticCurvePrivateKey,
        certificate: x509.Certificate,
        directory: Path | None = None,
    ):
        self.key = key
        self.certificate = certificate
        self.directory = directory
        self.revoked: dict[int, datetime] = {}

    # --- creation and storage -------------------------------------------------------------
    @classmethod
    def create(cls, *, name: str = "Sot Test Root CA", years: int = 10) -> TestCA:
        key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Sot"),
                x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, TEST_CA_MARK),
                x509.NameAttribute(NameOID.COMMON_NAME, name),
            ]
        )
        now = clock.now()
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            # Backdated two years so tests and the demo can sign "in the past".
            .not_valid_before(now - timedelta(days=730))
            .not_valid_after(now + timedelta(days=365 * years))
            .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
            )
            .sign(key, hashes.SHA256())
        )
        return cls(key, cert)

    def save(self, directory: Path) -> None:
        """Write the root key, certificate and CRL; refuse to overwrite an existing CA."""
        directory.mkdir(parents=True, exist_ok=True)
        key_path, cert_path = directory / ROOT_KEY, directory / ROOT_CERT
        if key_path.exists() or cert_path.exists():
            raise FileExistsError(f"a CA already exists in {directory}")
        key_path.touch(mode=0o600)
        key_path.write_text(_key_pem(self.key))
        cert_path.write_text(self.certificate_pem)
        self.directory = directory
        self.write_crl()

    @classmethod
    def load(cls, directory: Path) -> TestCA:
        key = serialization.load_pem_private_key((directory / ROOT_KEY).read_bytes(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ValueError("the test CA key must be ECDSA")
        cert = x509.load_pem_x509_certificate((directory / ROOT_CERT).read_bytes())
        ca = cls(key, cert, directory)
        crl_path = directory / CRL_FILE
        if crl_path.exists():
            crl = x509.load_pem_x509_crl(crl_path.read_bytes())
            ca.revoked = {entry.serial_number: entry.revocation_date_utc for entry in crl}
        return ca

    @property
    def certificate_pem(self) -> str:
        return _cert_pem(self.certificate)

    @property
    def crl_path(self) -> Path | None:
        return self.directory / CRL_FILE if self.directory else None

    # --- issuing and revoking ---------------------------------------------------------------
    def issue(
        self,
        *,
        iin: str,
        name: str,
        algorithm: Algorithm = "rsa",
        purpose: CredentialPurpose = "sign",
        not_before: datetime | None = None,
        not_after: datetime | None = None,
    ) -> Credential:
        key = _new_key(algorithm)
        now = clock.now()
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
                x509.NameAttribute(NameOID.COMMON_NAME, name),
                x509.NameAttribute(NameOID.SERIAL_NUMBER, f"IIN{iin}"),
            ]
        )
        usage_sign = purpose == "sign"
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self.certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before or now - timedelta(days=1))
            .not_valid_after(not_after or now + timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=usage_sign,
                    key_encipherment=not usage_sign and algorithm == "rsa",
                    data_encipherment=False,
                    key_agreement=not usage_sign and algorithm == "ecdsa",
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()),
                critical=False,
            )
        )
        if not usage_sign:
            builder = builder.add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False
            )
        cert = builder.sign(self.key, hashes.SHA256())
        return Credential(private_key=key, certificate=cert)

    def revoke(self, credential: Credential | int, *, at: datetime | None = None) -> None:
        serial = credential if isinstance(credential, int) else credential.serial
        self.revoked[serial] = at or clock.now()
        if self.directory:
            self.write_crl()

    def crl(self, *, next_update: datetime | None = None) -> x509.CertificateRevocationList:
        now = clock.now()
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.certificate.subject)
            .last_update(now - timedelta(minutes=5))
            .next_update(next_update or now + timedelta(days=365))
        )
        for serial, when in self.revoked.items():
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build()
            )
        return builder.sign(self.key, hashes.SHA256())

    def write_crl(self, *, next_update: datetime | None = None) -> None:
        path = self.crl_path
        if path is None:
            raise ValueError("the CA has no directory")
        path.write_bytes(self.crl(next_update=next_update).public_bytes(serialization.Encoding.PEM))


def install_test_ca(settings: Any, *, directory: Path | None = None) -> TestCA:
    """Create a test CA and make it the only trusted root, with its CRL as the revocation source.

    ``settings`` is pytest-django's fixture (or any object whose attributes are Django settings).
    """
    directory = directory or Path(tempfile.mkdtemp(prefix="sot-test-ca-"))
    ca = TestCA.create()
    ca.save(directory)
    settings.SOT_SIGNATURE_TRUSTED_ROOTS = str(directory / ROOT_CERT)
    settings.SOT_SIGNATURE_CRLS = [str(directory / CRL_FILE)]
    settings.SOT_SIGNATURE_ALLOW_TEST_CA = True
    settings.SOT_SIGNATURE_BACKEND = "sot.signatures.adapters.x509.X509Verifier"
    return ca
