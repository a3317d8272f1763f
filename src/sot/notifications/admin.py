"""Admin: routing rules are edited here; notices and deliveries are read-only records."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import Channel, ContactPoint, Delivery, Notice, PrintBatch, RoutingRule


class RoutingRuleForm(forms.ModelForm):
    class Meta:
        model = RoutingRule
        fields = [
            "kind",
            "channels",
            "fallbacks",
            "lead_time",
            "responsible",
            "max_attempts",
            "retry_after",
        ]

    def _channels(self, name: str) -> list[str]:
        value = self.cleaned_data.get(name) or []
        allowed = {c.value for c in Channel if c != Channel.INBOX}
        if not isinstance(value, list) or any(v not in allowed for v in value):
            raise forms.ValidationError(
                _("List channels from: %(allowed)s.") % {"allowed": ", ".join(sorted(allowed))}
            )
        return value

    def clean_channels(self) -> list[str]:
        return self._channels("channels")

    def clean_fallbacks(self) -> list[str]:
        return self._channels("fallbacks")


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    form = RoutingRuleForm
    list_display = ("kind", "channels", "fallbacks", "lead_time", "responsible", "max_attempts")


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    can_delete = False
    fields = (
        "channel",
        "state",
        "attempts",
        "sent_at",
        "delivered_at",
        "failed_at",
        "provider_id",
        "error",
    )
    readonly_fields = fields


@admin.register(Notice)
class NoticeAdmin(ReadOnlyAdmin):
    list_display = ("kind", "recipient", "case", "created_at", "due_by", "reached_at", "read_at")
    list_filter = ("kind",)
    raw_id_fields = ("recipient", "case", "event", "hearing_event", "responsible")
    inlines = [DeliveryInline]


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ("notice", "channel", "state", "attempts", "sent_at", "delivered_at")
    list_filter = ("channel", "state")
    raw_id_fields = ("notice", "batch")


@admin.register(ContactPoint)
class ContactPointAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "value", "verified_at", "is_opted_in")
    list_filter = ("kind",)
    raw_id_fields = ("user",)
    fields = ("user", "kind", "value", "is_opted_in", "verified_at")
    readonly_fields = ("verified_at",)


@admin.register(PrintBatch)
class PrintBatchAdmin(ReadOnlyAdmin):
    list_display = ("name", "count", "created_at", "sha256")
