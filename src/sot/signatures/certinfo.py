"""Facts read from an X.509 certificate: who it names and what it is for."""

from __future__ import annotations

import hashlib

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

# Subject OU that marks Sot's generated test CAs; trusted only where SOT_SIGNATURE_ALLOW_TEST_CA is on.
TEST_CA_MARK = "Sot TEST CA - not for production"


def subject_iin(cert: x509.Certificate) -> str:
    """The IIN in the subject serialNumber ("IIN" + 12 digits, as NCA RK writes it), or ""."""
    for attribute in cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER):
        value = str(attribute.value).strip()
        if value.upper().startswith("IIN"):
            return value[3:]
    return ""


def subject_name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else ""


def fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def serial_hex(cert: x509.Certificate) -> str:
    return format(cert.serial_number, "x")


def is_test_ca(cert: x509.Certificate) -> bool:
    units = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
    return any(str(unit.value) == TEST_CA_MARK for unit in units)


def is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _key_usage(cert: x509.Certificate) -> x509.KeyUsage | None:
    try:
        return cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return None


def _extended_usages(cert: x509.Certificate) -> list[x509.ObjectIdentifier] | None:
    try:
        return list(cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)
    except x509.ExtensionNotFound:
        return None


def is_signing_certificate(cert: x509.Certificate) -> bool:
    """A signing certificate asserts nonRepudiation (contentCommitment) and is not a CA.

    NCA RK issues each person two keys: the signing one carries nonRepudiation, the
    authentication one only digitalSignature (+ keyEncipherment/keyAgreement, EKU clientAuth).
    digitalSignature alone is what TLS client keys have; it does not commit to content.
    """
    usage = _key_usage(cert)
    return usage is not None and usage.content_commitment and not is_ca(cert)


def is_authentication_certificate(cert: x509.Certificate) -> bool:
    """An authentication certificate: digitalSignature, no nonRepudiation, clientAuth if EKU is given."""
    usage = _key_usage(cert)
    if usage is None or not usage.digital_signature or usage.content_commitment or is_ca(cert):
        return False
    extended = _extended_usages(cert)
    return extended is None or ExtendedKeyUsageOID.CLIENT_AUTH in extended
