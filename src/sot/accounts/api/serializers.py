"""Input and output shapes of sign-in tokens and the caller's own profile."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sot.accounts.models import Language, User
from sot.accounts.roles import Role


class TokenCreateInputSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(
        max_length=128, write_only=True, trim_whitespace=False, style={"input_type": "password"}
    )


class TokenOutputSerializer(serializers.Serializer):
    token = serializers.CharField(
        help_text=_('Send it as the header "Authorization: Token <token>".')
    )


class MeOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    full_name = serializers.CharField()
    roles = serializers.SerializerMethodField()
    masked_iin = serializers.CharField(help_text=_("Only the last four digits are shown."))
    court = serializers.SerializerMethodField()
    preferred_language = serializers.ChoiceField(choices=Language.choices)

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=Role.choices)))
    def get_roles(self, user: User) -> list[str]:
        return sorted(user.role_names())

    @extend_schema_field(
        serializers.CharField(
            allow_null=True, help_text=_("Code of the court the caller works in, if any.")
        )
    )
    def get_court(self, user: User) -> str | None:
        court = user.workplace_court()
        return court.code if court is not None else None
