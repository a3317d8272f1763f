"""Input and output shapes of the notifications API. Inputs name every field."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..models import Channel, ContactKind, DeliveryState


class DeliveryOutputSerializer(serializers.Serializer):
    channel = serializers.ChoiceField(choices=Channel.choices)
    state = serializers.ChoiceField(choices=DeliveryState.choices)
    attempts = serializers.IntegerField()
    sent_at = serializers.DateTimeField(allow_null=True)
    delivered_at = serializers.DateTimeField(allow_null=True)
    failed_at = serializers.DateTimeField(allow_null=True)
    read_at = serializers.DateTimeField(allow_null=True)
    provider_id = serializers.CharField()
    is_fallback = serializers.BooleanField()


class NoticeOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    subject = serializers.CharField()
    body = serializers.CharField()
    lang = serializers.CharField()
    case = serializers.IntegerField(source="case_id", allow_null=True)
    case_number = serializers.CharField(source="case.number", allow_null=True, default=None)
    created_at = serializers.DateTimeField()
    due_by = serializers.DateTimeField(allow_null=True)
    reached_at = serializers.DateTimeField(allow_null=True)
    read_at = serializers.DateTimeField(allow_null=True)
    deliveries = DeliveryOutputSerializer(many=True, source="deliveries.all")


class ContactPointOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    # Plain strings (phone, email, postal): another "kind" enum would collide in the schema.
    kind = serializers.CharField(help_text="phone | email | postal")
    value = serializers.CharField()
    is_verified = serializers.BooleanField()
    is_opted_in = serializers.BooleanField()
    verified_at = serializers.DateTimeField(allow_null=True)


class ContactPointInputSerializer(serializers.Serializer):
    kind = serializers.CharField(max_length=8, help_text="phone | email | postal")
    value = serializers.CharField(max_length=300)
    is_opted_in = serializers.BooleanField(default=True)

    def validate_kind(self, value: str) -> str:
        if value not in ContactKind.values:
            raise serializers.ValidationError(_("Choose a phone, an e-mail or a postal address."))
        return value


class ContactVerifyInputSerializer(serializers.Serializer):
    code = serializers.RegexField(r"^\s*\d{6}\s*$", max_length=12)


class PushKeysSerializer(serializers.Serializer):
    p256dh = serializers.CharField(max_length=200)
    auth = serializers.CharField(max_length=100)


class PushSubscriptionInputSerializer(serializers.Serializer):
    endpoint = serializers.URLField(max_length=1000)
    keys = PushKeysSerializer()


class PushSubscriptionOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    endpoint = serializers.CharField()


class ReceiptInputSerializer(serializers.Serializer):
    receipt_id = serializers.CharField(max_length=128)
    status = serializers.ChoiceField(choices=["delivered", "failed"])
    at = serializers.DateTimeField(required=False)
    error = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class ReceiptOutputSerializer(serializers.Serializer):
    delivery = serializers.IntegerField(source="pk")
    state = serializers.CharField()
