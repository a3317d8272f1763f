from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "sot.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from . import signin_audit

        user_logged_in.connect(signin_audit.on_signed_in, dispatch_uid="sot-audit-sign-in")
        user_login_failed.connect(
            signin_audit.on_sign_in_failed, dispatch_uid="sot-audit-sign-in-failed"
        )
