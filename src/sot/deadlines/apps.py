from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "sot.deadlines"
    label = "deadlines"
    verbose_name = _("Procedural deadlines")

    def ready(self) -> None:
        from sot.cases.models import CaseEvent
        from sot.cases.signals import case_event_recorded

        from .receivers import on_case_event_recorded

        case_event_recorded.connect(
            on_case_event_recorded, sender=CaseEvent, dispatch_uid="deadlines-clocks"
        )
        from django.db.models.signals import post_delete, post_save

        from .models import DeadlineRule
        from .services import rule_book_forget

        for signal in (post_save, post_delete):
            signal.connect(rule_book_forget, sender=DeadlineRule, dispatch_uid="deadlines-rules")
