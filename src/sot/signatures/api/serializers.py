"""Explicit API shapes for signatures (no model serializers: nothing is mass-assigned)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

MAX_PAYLOAD_B64 = 2_000_000  # ~1.5 MB decoded: bundles are hashes, not documents


class SignatureVerifyInputSerializer(serializers.Serializer):
    payload_b64 = serializers.CharField(
        max_length=MAX_PAYLOAD_B64, help_text=_("The signed bytes, base64.")
    )
    signature = serializers.CharField(max_length=20_000, help_text=_("The signature, base64."))
    certificate = serializers.CharField(
        max_length=20_000, help_text=_("The signer's certificate, PEM.")
    )
    chain = serializers.CharField(max_length=60_000, required=False, allow_blank=True, default="")
    iin = serializers.CharField(
        min_length=12, max_length=12, help_text=_("The IIN the signer must have.")
    )


class SignatureVerdictSerializer(serializers.Serializer):
    # Plain strings (not enums): no enum-name collisions with other apps' "status" in the schema.
    status = serializers.CharField(help_text=_("valid, invalid or pending."))
    code = serializers.CharField()
    message = serializers.CharField()
    subject_iin = serializers.CharField()
    subject_name = serializers.CharField()
    certificate_sha256 = serializers.CharField()
    serial = serializers.CharField()
    signed_at = serializers.DateTimeField(allow_null=True)


class SignatureChallengeCreateInputSerializer(serializers.Serializer):
    payload_b64 = serializers.CharField(
        max_length=MAX_PAYLOAD_B64, help_text=_("The bytes to sign, base64.")
    )


class SignatureChallengeOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    purpose = serializers.CharField()
    state = serializers.CharField(help_text=_("open, answered, consumed or expired."))
    expires_at = serializers.DateTimeField()
    phone_url = serializers.CharField(
        help_text=_("What the QR code encodes; open it on the phone.")
    )
    qr_svg = serializers.CharField(
        required=False, help_text=_("The QR code as inline SVG, while open.")
    )
    signature = serializers.CharField(required=False)
    certificate = serializers.CharField(required=False)
    record = serializers.CharField(required=False)
    status = serializers.CharField(required=False)
    code = serializers.CharField(required=False)


class SignaturePhoneChallengeOutputSerializer(serializers.Serializer):
    purpose = serializers.CharField()
    payload_b64 = serializers.CharField()
    payload_sha256 = serializers.CharField()
    expires_at = serializers.DateTimeField()


class SignatureAnswerInputSerializer(serializers.Serializer):
    signature = serializers.CharField(max_length=20_000)
    certificate = serializers.CharField(max_length=20_000)
    chain = serializers.CharField(max_length=60_000, required=False, allow_blank=True, default="")


class SignatureAnswerOutputSerializer(serializers.Serializer):
    purpose = serializers.CharField()
    state = serializers.CharField()
