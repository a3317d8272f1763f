"""What the Council's services share: who may act."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.core.errors import Forbidden

from ..access import is_secretariat


def require_secretariat(user: User) -> None:
    if not is_secretariat(user):
        raise Forbidden(_("Only the Council's secretariat may do this."))
