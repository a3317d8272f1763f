"""Channel adapters: each takes outgoing messages and hands them to a provider.

``channel_for(name)`` picks the implementation from settings (``SOT_NOTIFY_SMS_BACKEND`` …).
"""

from __future__ import annotations

from django.conf import settings
from django.utils.module_loading import import_string

from .base import ChannelAdapter, Outgoing, PermanentError, SendResult, TemporaryError

DEFAULT_BACKENDS = {
    "sms": "sot.notifications.channels.sms.LocalSms",
    "email": "sot.notifications.channels.email.SmtpEmail",
    "push": "sot.notifications.channels.push.LocalPush",
    "hybrid_mail": "sot.notifications.channels.hybrid.HybridMail",
}

SETTING_NAMES = {
    "sms": "SOT_NOTIFY_SMS_BACKEND",
    "email": "SOT_NOTIFY_EMAIL_BACKEND",
    "push": "SOT_NOTIFY_PUSH_BACKEND",
    "hybrid_mail": "SOT_NOTIFY_HYBRID_BACKEND",
}


def channel_for(name: str) -> ChannelAdapter:
    path = getattr(settings, SETTING_NAMES[name], DEFAULT_BACKENDS[name])
    adapter: ChannelAdapter = import_string(path)()
    return adapter


__all__ = [
    "ChannelAdapter",
    "Outgoing",
    "PermanentError",
    "SendResult",
    "TemporaryError",
    "channel_for",
]
