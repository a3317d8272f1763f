from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "sot.council"
    label = "council"
    verbose_name = _("Supreme Judicial Council")
