from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "sot.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from .db import sqlite_functions_register

        connection_created.connect(sqlite_functions_register, dispatch_uid="sot-sqlite-functions")
