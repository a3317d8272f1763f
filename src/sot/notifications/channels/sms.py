"""SMS: an SMPP 3.4 client for production gateways, and a local channel that records messages.

The SMPP adapter binds as a transceiver (``bind_transceiver``), submits each message
(``submit_sm``, UCS-2 for Kazakh and Russian letters, concatenated parts when long), takes the
gateway's ``message_id`` from ``submit_sm_resp`` as the receipt id, and asks for a delivery receipt
(``registered_delivery=1``). Receipts arrive later as ``deliver_sm``; ``read_receipts`` turns
them into ``(message_id, status)`` pairs (``sot notifications smpp-receipts`` runs it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import smpplib.client
import smpplib.consts
import smpplib.exceptions
import smpplib.gsm
import smpplib.smpp
from django.conf import settings

from ..models import Channel, RecordedMessage
from .base import Outgoing, PermanentError, SendResult, TemporaryError, no_connection

# Receipt text per SMPP 3.4 Appendix B: "id:… sub:… dlvrd:… submit date:… done date:… stat:DELIVRD …"
RECEIPT = re.compile(rb"id:(?P<id>\S+).*?stat:(?P<stat>[A-Z]+)", re.DOTALL)
DELIVERED_STATES = {b"DELIVRD"}
# Statuses from which the gateway will not deliver it: fall back.
FAILED_STATES = {b"UNDELIV", b"REJECTD", b"EXPIRED", b"DELETED"}
# ESME_RINVDSTADR (11), ESME_RINVSRCADR (10), ESME_RINVMSGLEN (1): retrying will not help.
PERMANENT_STATUSES = {0x01, 0x0A, 0x0B}


def _conf(name: str, default: Any) -> Any:
    return getattr(settings, f"SOT_SMPP_{name}", default)


class SmppSms:
    name = "sms"
    provider = "smpp"

    @contextmanager
    def session(self) -> Iterator[smpplib.client.Client]:
        client = smpplib.client.Client(
            _conf("HOST", "127.0.0.1"),
            int(_conf("PORT", 2775)),
            timeout=float(_conf("TIMEOUT", 10)),
        )
        try:
            client.connect()
            client.bind_transceiver(
                system_id=_conf("SYSTEM_ID", "sot"), password=_conf("PASSWORD", "")
            )
        except (OSError, smpplib.exceptions.PDUError, smpplib.exceptions.ConnectionError) as error:
            raise TemporaryError(f"SMPP bind: {error}") from error
        try:
            yield client
        finally:
            # The gateway may have gone already: disconnect anyway.
            with suppress(Exception):
                client.unbind()
            client.disconnect()

    def send(self, message: Outgoing, connection: Any) -> SendResult:
        client: smpplib.client.Client = connection
        parts, encoding, esm_class = smpplib.gsm.make_parts(message.body)
        ids: list[str] = []
        for part in parts:
            try:
                client.send_message(
                    source_addr_ton=smpplib.consts.SMPP_TON_ALNUM,
                    source_addr=_conf("SOURCE", "SOT"),
                    dest_addr_ton=smpplib.consts.SMPP_TON_INTL,
                    dest_addr_npi=smpplib.consts.SMPP_NPI_ISDN,
                    destination_addr=message.address.lstrip("+"),
                    short_message=part,
                    data_coding=encoding,
                    esm_class=esm_class,
                    registered_delivery=1,
                )
                response = self._response(client)
            except (OSError, smpplib.exceptions.ConnectionError) as error:
                raise TemporaryError(f"SMPP: {error}") from error
            if response.status != 0:
                error_cls = (
                    PermanentError if response.status in PERMANENT_STATUSES else TemporaryError
                )
                raise error_cls(f"SMPP submit_sm_resp status {response.status:#x}")
            ids.append(_text(response.message_id))
        # The last part's id is the one the gateway's receipt names for the whole message.
        return SendResult(provider=self.provider, provider_id=ids[-1])

    @staticmethod
    def _response(client: smpplib.client.Client) -> Any:
        # Receipts for earlier messages may arrive before this answer: keep them for read_receipts.
        while True:
            pdu = client.read_pdu()
            if pdu.command == "submit_sm_resp":
                return pdu
            if pdu.command == "deliver_sm":
                _pending(client).append(pdu)
                _ack(client, pdu)
            elif pdu.command == "enquire_link":
                _ack(client, pdu, "enquire_link_resp")

    def read_receipts(
        self, client: smpplib.client.Client, *, wait: float = 1.0
    ) -> list[tuple[str, str]]:
        """Delivery receipts the gateway sent: ``(message_id, "delivered" | "failed")``."""
        found = [_parse(pdu) for pdu in _pending(client)]
        _pending(client).clear()
        client._socket.settimeout(wait)
        while True:
            try:
                pdu = client.read_pdu()
            except (TimeoutError, smpplib.exceptions.ConnectionError):
                break
            if pdu.command == "deliver_sm":
                _ack(client, pdu)
                found.append(_parse(pdu))
            elif pdu.command == "enquire_link":
                _ack(client, pdu, "enquire_link_resp")
        return [item for item in found if item is not None]


def _pending(client: Any) -> list[Any]:
    if not hasattr(client, "_sot_receipts"):
        client._sot_receipts = []
    pending: list[Any] = client._sot_receipts
    return pending


def _ack(client: Any, pdu: Any, command: str = "deliver_sm_resp") -> None:
    answer = smpplib.smpp.make_pdu(command, client=client)
    answer.sequence = pdu.sequence
    client.send_pdu(answer)


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _parse(pdu: Any) -> tuple[str, str] | None:
    match = RECEIPT.search(pdu.short_message or b"")
    if match is None:
        return None
    stat = match.group("stat")
    if stat in DELIVERED_STATES:
        return match.group("id").decode(), "delivered"
    if stat in FAILED_STATES:
        return match.group("id").decode(), "failed"
    return None


class LocalSms:
    """Records the SMS instead of sending it (development, demo, tests of other apps)."""

    name = "sms"
    provider = "local-sms"

    def session(self) -> Any:
        return no_connection()

    def send(self, message: Outgoing, connection: Any) -> SendResult:
        if not message.address.startswith("+"):
            raise PermanentError("not an E.164 number")
        RecordedMessage.objects.get_or_create(
            key=message.key,
            defaults={"channel": Channel.SMS, "address": message.address, "text": message.body},
        )
        return SendResult(provider=self.provider, provider_id=message.key, is_delivered=True)
