"""A court administrator keeps the courtrooms and reviews the postponement and suspension tables."""

from django.contrib import admin

from .models import Courtroom, PostponementReason, SuspensionGround


@admin.register(Courtroom)
class CourtroomAdmin(admin.ModelAdmin):
    list_display = ("court", "number", "name_kk", "has_video", "is_active")
    list_filter = ("has_video", "is_active")
    search_fields = ("court__code", "number", "name_kk", "name_ru")
    raw_id_fields = ("court",)


@admin.register(PostponementReason)
class PostponementReasonAdmin(admin.ModelAdmin):
    list_display = ("code", "name_ru", "is_justified", "requires_proof", "legal_basis", "is_active")
    list_filter = ("is_justified", "is_active")
    search_fields = ("code", "name_kk", "name_ru", "name_en")


@admin.register(SuspensionGround)
class SuspensionGroundAdmin(admin.ModelAdmin):
    list_display = ("code", "name_ru", "legal_basis", "is_mandatory", "is_active")
    list_filter = ("is_mandatory", "is_active")
    search_fields = ("code", "name_kk", "name_ru", "name_en")
