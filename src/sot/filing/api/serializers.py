"""Input and output shapes of the Court Cabinet API. Inputs name every field; nothing is mass-assigned."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sot.filing.models import Filing, FilingStatus
from sot.filing.schema import grounds_table, kind_get, localized

# --- kinds ---------------------------------------------------------------------------------------


class FieldOutputSerializer(serializers.Serializer):
    name = serializers.CharField()
    type = serializers.CharField()
    required = serializers.BooleanField()  # type: ignore[assignment]
    label = serializers.CharField()  # type: ignore[assignment]
    help = serializers.CharField()
    max_length = serializers.IntegerField(required=False)
    min = serializers.IntegerField(required=False)
    max = serializers.IntegerField(required=False)
    choices = serializers.ListField(child=serializers.DictField(), required=False)


class StepOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    fields = FieldOutputSerializer(many=True)  # type: ignore[assignment]


class SlotOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    required = serializers.BooleanField()  # type: ignore[assignment]


class KindOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    target = serializers.ChoiceField(choices=["new_case", "existing_case"])
    category = serializers.CharField()
    instance = serializers.CharField()
    filers = serializers.ListField(child=serializers.CharField())
    may_file = serializers.BooleanField()
    fee_rule = serializers.CharField()
    routine = serializers.BooleanField(
        help_text=_("Accepted automatically after a valid signature.")
    )
    law = serializers.CharField()
    steps = StepOutputSerializer(many=True)
    attachments = SlotOutputSerializer(many=True)


class GroundOutputSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=["return", "leave_without_motion"])
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    article = serializers.CharField()


# --- filings -------------------------------------------------------------------------------------


class AttachmentOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slot = serializers.CharField()
    name = serializers.CharField(source="original_name")
    sha256 = serializers.CharField()
    size = serializers.IntegerField()
    content_type = serializers.CharField()


class PaymentOutputSerializer(serializers.Serializer):
    receipt_number = serializers.CharField()
    provider = serializers.CharField()
    amount = serializers.DecimalField(max_digits=16, decimal_places=2)
    payer_name = serializers.CharField()
    paid_at = serializers.DateTimeField()


class CaseRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField(allow_null=True)


class FilingOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField(allow_null=True)
    kind = serializers.CharField()
    kind_title = serializers.SerializerMethodField()
    status = serializers.CharField(
        help_text=_(
            "draft, awaiting_signature_check, submitted, accepted, returned, left_without_motion"
        )
    )
    status_label = serializers.CharField(source="get_status_display")
    form = serializers.DictField()
    court = serializers.CharField(source="court.code", allow_null=True, default=None)
    target_case = CaseRefSerializer(allow_null=True)
    opened_case = CaseRefSerializer(allow_null=True)
    fee_amount = serializers.DecimalField(max_digits=16, decimal_places=2)
    fee_details = serializers.DictField()
    attachments = AttachmentOutputSerializer(many=True)
    payments = PaymentOutputSerializer(many=True)
    signature_status = serializers.CharField()
    signature_code = serializers.CharField()
    signer_name = serializers.CharField()
    bundle_sha256 = serializers.CharField()
    grounds = serializers.SerializerMethodField()
    decision_note = serializers.CharField()
    cure_by = serializers.DateField(allow_null=True)
    created_at = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    decided_at = serializers.DateTimeField(allow_null=True)

    def get_kind_title(self, filing: Filing) -> str:
        kind = kind_get(filing.kind)
        return kind.label() if kind else filing.kind

    @extend_schema_field(GroundOutputSerializer(many=True))
    def get_grounds(self, filing: Filing) -> list[dict[str, Any]]:
        outcome = "return" if filing.status == FilingStatus.RETURNED else "leave_without_motion"
        table = grounds_table()[outcome]
        return [
            {
                "outcome": outcome,
                "code": g["code"],
                "article": g["article"],
                "label": localized(table[g["code"]]["label"]) if g["code"] in table else g["code"],
            }
            for g in filing.grounds
        ]


class FilingListOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField(allow_null=True)
    kind = serializers.CharField()
    status = serializers.CharField(
        help_text=_(
            "draft, awaiting_signature_check, submitted, accepted, returned, left_without_motion"
        )
    )
    status_label = serializers.CharField(source="get_status_display")
    court = serializers.CharField(source="court.code", allow_null=True, default=None)
    filer = serializers.CharField(source="filer.full_name")
    created_at = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField(allow_null=True)


# --- inputs --------------------------------------------------------------------------------------


class DraftCreateInputSerializer(serializers.Serializer):
    kind = serializers.CharField(max_length=64)
    form = serializers.DictField(required=False, default=dict)


class DraftUpdateInputSerializer(serializers.Serializer):
    form = serializers.DictField()


class AttachmentInputSerializer(serializers.Serializer):
    slot = serializers.CharField(max_length=64)
    file = serializers.FileField(allow_empty_file=True)


class PaymentInputSerializer(serializers.Serializer):
    payer_name = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)
    payer_iin = serializers.CharField(max_length=12, required=False, default="", allow_blank=True)


class SubmitInputSerializer(serializers.Serializer):
    signature = serializers.CharField(help_text=_("Base64 signature over the bundle's bytes."))
    certificate = serializers.CharField(help_text=_("The signer's certificate, PEM."))
    client_key = serializers.CharField(max_length=64, required=False, default="", allow_blank=True)


class DirectSubmitInputSerializer(serializers.Serializer):
    """One multipart request: kind, form (JSON text), files with their slots, signature."""

    kind = serializers.CharField(max_length=64)
    form = serializers.JSONField()
    slots = serializers.ListField(child=serializers.CharField(max_length=64), required=False)
    files = serializers.ListField(
        child=serializers.FileField(allow_empty_file=True), required=False
    )
    signature = serializers.CharField()
    certificate = serializers.CharField()
    client_key = serializers.CharField(max_length=64)
    payer_name = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)


class FeeInputSerializer(serializers.Serializer):
    kind = serializers.CharField(max_length=64)
    form = serializers.DictField(required=False, default=dict)


class FeeOutputSerializer(serializers.Serializer):
    amount = serializers.DecimalField(max_digits=16, decimal_places=2)
    rule = serializers.CharField()
    article = serializers.CharField()
    mci = serializers.IntegerField()
    year = serializers.IntegerField()
    exemption = serializers.CharField()


class BundleOutputSerializer(serializers.Serializer):
    payload = serializers.CharField(help_text=_("The bytes to sign, base64."))
    sha256 = serializers.CharField()


class ReturnInputSerializer(serializers.Serializer):
    grounds = serializers.ListField(child=serializers.CharField(max_length=64), min_length=1)
    note = serializers.CharField(max_length=2000, required=False, default="", allow_blank=True)


class LeaveInputSerializer(ReturnInputSerializer):
    cure_by = serializers.DateField()


class HistoryOutputSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    source = serializers.ChoiceField(choices=["case", "filing"])  # type: ignore[assignment]
    kind = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    details = serializers.DictField()


class CabinetCaseOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField(allow_null=True)
    court = serializers.CharField(source="court.name")
    category = serializers.CharField()
    instance = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
    subject = serializers.CharField()
    filed_at = serializers.DateTimeField()


class CabinetDocumentOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    name = serializers.CharField(source="original_name")
    sha256 = serializers.CharField()
    size = serializers.IntegerField()
    content_type = serializers.CharField()
    uploaded_at = serializers.DateTimeField()


class CertificateInputSerializer(serializers.Serializer):
    lang = serializers.ChoiceField(choices=["kk", "ru"], default="kk")


class CertificateVerifyInputSerializer(serializers.Serializer):
    serial = serializers.CharField(max_length=40)
    sha256 = serializers.RegexField(r"^[0-9a-fA-F]{64}$")


class CertificateVerifyOutputSerializer(serializers.Serializer):
    valid = serializers.BooleanField()
    serial = serializers.CharField()
    issued_at = serializers.DateTimeField(allow_null=True)
    case_count = serializers.IntegerField(allow_null=True)
    signature = serializers.CharField(allow_blank=True)
    public_key = serializers.CharField(help_text=_("The server's Ed25519 public key, base64."))
