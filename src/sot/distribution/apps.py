from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DistributionConfig(AppConfig):
    name = "sot.distribution"
    label = "distribution"
    verbose_name = _("Case distribution")

    def ready(self) -> None:
        from sot.cases.signals import case_event_recorded

        from .receivers import on_case_event

        case_event_recorded.connect(on_case_event, dispatch_uid="distribution.on_case_event")
