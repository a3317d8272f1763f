"""Users of Sot: every person who signs in, with the roles (groups) they hold."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.core.iin import is_valid_iin, mask_iin

from .roles import Role

if TYPE_CHECKING:
    from sot.courts.models import Court


def validate_iin(value: str) -> None:
    if not is_valid_iin(value):
        raise ValidationError(
            _("%(value)s is not a valid IIN: it must be 12 digits with a correct check digit."),
            code="invalid_iin",
            params={"value": value},
        )


class Language(models.TextChoices):
    KAZAKH = "kk", "Қазақша"
    RUSSIAN = "ru", "Русский"
    ENGLISH = "en", "English"


class User(AbstractUser):
    """A person who signs in. Names follow Kazakh usage: surname, given name, patronymic."""

    middle_name = models.CharField(_("patronymic"), max_length=150, blank=True)
    iin = models.CharField(
        _("IIN"), max_length=12, unique=True, null=True, blank=True, validators=[validate_iin]
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.KAZAKH
    )
    # Staff who are not judges (clerks, analysts) belong to one court; judges via their Judge row.
    court = models.ForeignKey(
        "courts.Court",
        verbose_name=_("court"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def full_name(self) -> str:
        return " ".join(
            part for part in (self.last_name, self.first_name, self.middle_name) if part
        )

    @property
    def masked_iin(self) -> str:
        return mask_iin(self.iin or "")

    def role_names(self) -> frozenset[str]:
        """The user's roles, read once per request object."""
        cached: frozenset[str] | None = getattr(self, "_role_names", None)
        if cached is None:
            cached = frozenset(self.groups.values_list("name", flat=True))
            self._role_names = cached
        return cached

    def has_role(self, *roles: Role) -> bool:
        return bool(self.role_names() & {str(role) for role in roles})

    def workplace_court(self) -> Court | None:
        """The court a staff member works in: a judge's court, else the staff court."""
        judge = getattr(self, "judge", None)
        if judge is not None:
            return judge.court
        return self.court
