"""An administrator edits act templates (each save is a new version) and the publication rules."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import ActTemplate, ClosedArticle, PublicationRule
from .templates import template_revise


@admin.register(ActTemplate)
class ActTemplateAdmin(admin.ModelAdmin):
    list_display = ("kind", "lang", "version", "title", "created_at", "created_by")
    list_filter = ("kind", "lang")
    readonly_fields = ("version", "created_at", "created_by")

    def save_model(self, request: HttpRequest, obj: ActTemplate, form: Any, change: bool) -> None:
        # Never overwrite a version acts may refer to: the edit becomes the next version.
        new = template_revise(
            kind=obj.kind,
            lang=obj.lang,
            title=obj.title,
            body=obj.parts,
            acting_user=request.user if request.user.is_authenticated else None,
        )
        obj.pk, obj.version, obj.created_at = new.pk, new.version, new.created_at

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PublicationRule)
class PublicationRuleAdmin(admin.ModelAdmin):
    list_display = ("category", "kind", "moment", "legal_basis")
    list_filter = ("category", "moment")


@admin.register(ClosedArticle)
class ClosedArticleAdmin(admin.ModelAdmin):
    list_display = ("code", "article", "reason")
