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

        from django.db.models.signals import post_delete, post_save, pre_save

        from sot.courts.models import JudgeStatusPeriod

        from .receivers import (
            on_status_period_deleted,
            on_status_period_presave,
            on_status_period_saved,
        )

        uid = "distribution.absences"
        pre_save.connect(on_status_period_presave, sender=JudgeStatusPeriod, dispatch_uid=uid)
        post_save.connect(on_status_period_saved, sender=JudgeStatusPeriod, dispatch_uid=uid)
        post_delete.connect(on_status_period_deleted, sender=JudgeStatusPeriod, dispatch_uid=uid)
