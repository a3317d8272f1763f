from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HearingsConfig(AppConfig):
    name = "sot.hearings"
    label = "hearings"
    verbose_name = _("Hearings")
