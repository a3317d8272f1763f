"""Administrators edit the distribution settings here; every save and delete is logged."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from sot.accounts.models import User

from . import services
from .models import CategoryRule, ConfigChange, Conflict, Draw, JudgeWorkload


def _actor(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


class LoggedSettingAdmin(admin.ModelAdmin):
    """Saves and deletes go through the service that logs them (and appends them to the log)."""

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        services.setting_save(obj=obj, acting_user=_actor(request))

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        services.setting_delete(obj=obj, acting_user=_actor(request))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for obj in queryset:
            services.setting_delete(obj=obj, acting_user=_actor(request))


@admin.register(CategoryRule)
class CategoryRuleAdmin(LoggedSettingAdmin):
    list_display = ("category", "instance", "mode", "weight", "min_pool")
    list_filter = ("mode", "instance")


@admin.register(JudgeWorkload)
class JudgeWorkloadAdmin(LoggedSettingAdmin):
    list_display = ("judge", "share")
    raw_id_fields = ("judge",)


@admin.register(Conflict)
class ConflictAdmin(LoggedSettingAdmin):
    list_display = ("judge", "kind")
    raw_id_fields = ("judge",)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ConfigChange)
class ConfigChangeAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "model", "object_id", "leaf_index")


@admin.register(Draw)
class DrawAdmin(ReadOnlyAdmin):
    list_display = ("case", "kind", "outcome", "judge", "leaf_index", "at")
    exclude = ("salt",)
