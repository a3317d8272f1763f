from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "last_name", "first_name", "court", "is_staff")
    search_fields = ("username", "last_name", "first_name", "iin")
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("Sot", {"fields": ("middle_name", "iin", "phone", "preferred_language", "court")}),
    )
