"""E-mail through Django's e-mail backend (SMTP in production: ``EMAIL_HOST``/``EMAIL_PORT``)."""

from __future__ import annotations

import smtplib
import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection

from .base import Outgoing, PermanentError, SendResult, TemporaryError

DOMAIN = "notices.sot"


class SmtpEmail:
    name = "email"
    provider = "smtp"

    @contextmanager
    def session(self) -> Iterator[Any]:
        """One SMTP connection for many messages."""
        connection = get_connection(
            fail_silently=False, timeout=float(getattr(settings, "SOT_NOTIFY_SMTP_TIMEOUT", 30))
        )
        try:
            connection.open()
        except (OSError, smtplib.SMTPException) as error:
            raise TemporaryError(f"SMTP connect: {error}") from error
        sock = getattr(getattr(connection, "connection", None), "sock", None)
        if sock is not None:
            # Each SMTP command waits for its reply: without this, Nagle's algorithm and delayed
            # ACKs add tens of milliseconds to every message.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            yield connection
        finally:
            # The server may already have dropped us; nothing is pending.
            with suppress(OSError, smtplib.SMTPException):
                connection.close()

    def send(self, message: Outgoing, connection: Any) -> SendResult:
        message_id = f"<{message.key}@{DOMAIN}>"
        mail = EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=getattr(settings, "SOT_NOTIFY_EMAIL_FROM", settings.DEFAULT_FROM_EMAIL),
            to=[message.address],
            headers={"Message-ID": message_id, "X-Sot-Delivery": message.key},
            connection=connection,
        )
        try:
            mail.send(fail_silently=False)
        except smtplib.SMTPRecipientsRefused as refused:
            raise PermanentError(f"recipient refused: {refused.recipients}") from refused
        except smtplib.SMTPResponseException as error:
            if 500 <= error.smtp_code < 600:
                raise PermanentError(f"{error.smtp_code} {error.smtp_error!r}") from error
            raise TemporaryError(f"{error.smtp_code} {error.smtp_error!r}") from error
        except (TimeoutError, OSError, smtplib.SMTPException) as error:
            raise TemporaryError(str(error) or type(error).__name__) from error
        return SendResult(provider=self.provider, provider_id=message_id)
