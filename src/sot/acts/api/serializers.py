"""Explicit serializers of the acts API: inputs name every accepted field; outputs never carry
more than the caller may see (no signature bytes, no certificate, no published text of drafts)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..assistant import RULES
from ..models import Act, ActKind, ActLanguage, ActVersion
from ..views import checks_for_display

# Kinds and languages are plain strings in the schema (checked against ActKind / ActLanguage
# here): named enums would collide with other apps' "kind" and "lang" enums.
KIND_HELP = "one of: " + ", ".join(ActKind.values)
LANG_HELP = "kk or ru"


def _one_of(value: str, allowed: list[str]) -> str:
    if value not in allowed:
        raise serializers.ValidationError(_("Choose one of the listed values."))
    return value


class DraftInputSerializer(serializers.Serializer):
    case_id = serializers.IntegerField(min_value=1)
    kind = serializers.CharField(max_length=32, help_text=KIND_HELP)
    lang = serializers.CharField(max_length=2, help_text=LANG_HELP)

    def validate_kind(self, value: str) -> str:
        return _one_of(value, list(ActKind.values))

    def validate_lang(self, value: str) -> str:
        return _one_of(value, list(ActLanguage.values))


class AssistantInputSerializer(serializers.Serializer):
    case_id = serializers.IntegerField(min_value=1)
    rule = serializers.ChoiceField(choices=sorted(RULES))
    lang = serializers.CharField(max_length=2, help_text=LANG_HELP)

    def validate_lang(self, value: str) -> str:
        return _one_of(value, list(ActLanguage.values))


class VersionInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=200_000, trim_whitespace=False)
    base_version = serializers.IntegerField(min_value=1, required=False)


class SignInputSerializer(serializers.Serializer):
    signature = serializers.CharField(max_length=20_000, help_text="base64 of the raw signature")
    certificate = serializers.CharField(
        max_length=40_000, help_text="the signer's certificate, PEM"
    )


class WithdrawInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)


class CheckOutputSerializer(serializers.Serializer):
    ok = serializers.BooleanField(allow_null=True)
    text = serializers.CharField()
    basis = serializers.CharField()


class ActOutputSerializer(serializers.ModelSerializer):
    category = serializers.CharField()
    kind = serializers.CharField(help_text=KIND_HELP)
    lang = serializers.CharField(help_text=LANG_HELP)
    status = serializers.CharField(help_text="draft, signed or rejected")
    origin = serializers.CharField(help_text="manual or assistant")
    publication_state = serializers.CharField(
        help_text="'' (not considered), waiting, published, never, withdrawn"
    )
    checks = serializers.SerializerMethodField()
    template_version = serializers.IntegerField(
        source="template.version", allow_null=True, default=None
    )
    pdf_sha256 = serializers.SerializerMethodField()

    class Meta:
        model = Act
        fields = [
            "id",
            "number",
            "case",
            "case_number",
            "court",
            "category",
            "kind",
            "lang",
            "status",
            "origin",
            "assistant_rule",
            "issued_on",
            "articles",
            "is_closed",
            "text",
            "checks",
            "template_version",
            "corrects",
            "signer_name",
            "signed_at",
            "short_code",
            "pdf_sha256",
            "enters_force_on",
            "publication_state",
            "published_at",
        ]

    @staticmethod
    def get_checks(act: Act) -> list[dict[str, Any]]:
        return [
            {"ok": row["ok"], "text": str(row["text"]), "basis": row["basis"]}
            for row in checks_for_display(act)
        ]

    @staticmethod
    def get_pdf_sha256(act: Act) -> str | None:
        document = getattr(act, "document", None) if act.is_signed else None
        return document.sha256 if document else None


class VersionOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActVersion
        fields = ["number", "text", "saved_at", "note"]


class PayloadOutputSerializer(serializers.Serializer):
    payload_b64 = serializers.CharField()
    expected_iin = serializers.CharField()


class ProposalOutputSerializer(serializers.Serializer):
    rule = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.CharField()
    ready = serializers.BooleanField()
    checks = CheckOutputSerializer(many=True)


class PublicationOutputSerializer(serializers.Serializer):
    state = serializers.CharField()
    rule = serializers.CharField()
    moment = serializers.CharField()
    original_text = serializers.CharField()
    published_text = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)


class ActCheckOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    court = serializers.CharField()
    court_code = serializers.CharField()
    issued_on = serializers.DateField()
    kind = serializers.CharField()
    number = serializers.CharField()
    signer = serializers.CharField()
    signed_at = serializers.DateTimeField()
    pdf_sha256 = serializers.CharField(allow_null=True)
    ledger_index = serializers.IntegerField(allow_null=True)
    ledger_included = serializers.BooleanField()
    ledger_proof_url = serializers.CharField(allow_null=True)
