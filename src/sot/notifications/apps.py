from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "sot.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from sot.hearings.models import HearingEvent
        from sot.hearings.signals import hearing_event_recorded

        from .receivers import on_hearing_event_recorded

        hearing_event_recorded.connect(
            on_hearing_event_recorded, sender=HearingEvent, dispatch_uid="notifications-hearings"
        )
