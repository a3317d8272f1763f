from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from .models import Regulation


@admin.register(Regulation)
class RegulationAdmin(admin.ModelAdmin):
    """The regulation's numbers: one row, edited by an administrator, never deleted."""

    list_display = ("__str__", "updated_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not Regulation.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: Regulation | None = None) -> bool:
        return False
