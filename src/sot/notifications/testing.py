"""Real local servers for tests and the benchmark: an SMTP sink (aiosmtpd) and a small SMPP 3.4
gateway (smpplib's PDUs over a socket) that answers submit_sm and sends delivery receipts."""

from __future__ import annotations

import email
import re
import socket
import socketserver
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from typing import Any

import smpplib.smpp
from aiosmtpd.controller import Controller

DELIVERY_HEADER = re.compile(rb"^X-Sot-Delivery: ([0-9a-f-]+)", re.MULTILINE | re.IGNORECASE)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class _Sink:
    def __init__(self) -> None:
        self.raw: list[bytes] = []
        self.lock = threading.Lock()
        self.refuse: set[str] = set()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        # Parsed only when read: the benchmark's server must not spend its CPU on MIME parsing.
        with self.lock:
            self.raw.append(bytes(envelope.content))
        return "250 Message accepted for delivery"


@dataclass
class SmtpSink:
    port: int
    handler: _Sink

    @property
    def messages(self) -> list[Message]:
        with self.handler.lock:
            raw = list(self.handler.raw)
        return [email.message_from_bytes(content) for content in raw]

    def delivery_keys(self) -> list[str]:
        """The ``X-Sot-Delivery`` header of every message received, without parsing MIME."""
        with self.handler.lock:
            raw = list(self.handler.raw)
        keys = []
        for content in raw:
            match = DELIVERY_HEADER.search(content)
            keys.append(match.group(1).decode() if match else "")
        return keys

    def refuse(self, address: str) -> None:
        self.handler.refuse.add(address)


@contextmanager
def smtp_sink() -> Iterator[SmtpSink]:
    handler = _Sink()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpSink(port=port, handler=handler)
    finally:
        controller.stop()


@dataclass
class SmppGateway:
    """What the gateway received; ``fail_numbers`` get ESME_RINVDSTADR, ``undeliverable`` numbers a
    receipt with stat:UNDELIV."""

    port: int = 0
    submitted: list[dict[str, Any]] = field(default_factory=list)
    binds: list[str] = field(default_factory=list)
    fail_numbers: set[str] = field(default_factory=set)
    undeliverable: set[str] = field(default_factory=set)
    send_receipts: bool = True
    lock: threading.Lock = field(default_factory=threading.Lock)


def _read(sock: socket.socket) -> bytes | None:
    head = b""
    while len(head) < 4:
        chunk = sock.recv(4 - len(head))
        if not chunk:
            return None
        head += chunk
    (length,) = struct.unpack(">L", head)
    body = b""
    while len(body) < length - 4:
        chunk = sock.recv(length - 4 - len(body))
        if not chunk:
            return None
        body += chunk
    return head + body


class _Sequence:
    """What smpplib's PDUs ask of a "client": sequence numbers (the gateway sets its own)."""

    sequence = 0

    def next_sequence(self) -> int:
        self.sequence += 1
        return self.sequence


def _answer(command: str, sequence: int, **params: Any) -> bytes:
    pdu = smpplib.smpp.make_pdu(command, client=_Sequence(), **params)
    pdu.sequence = sequence
    data: bytes = pdu.generate()
    return data


def _decode(pdu: Any) -> str:
    raw: bytes = pdu.short_message or b""
    if pdu.esm_class and pdu.esm_class & 0x40:
        raw = raw[raw[0] + 1 :]  # strip the concatenation header
    return raw.decode("utf-16-be") if pdu.data_coding == 8 else raw.decode("ascii", "replace")


def _handler(gateway: SmppGateway) -> type[socketserver.BaseRequestHandler]:
    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            sock: socket.socket = self.request
            sequence = 1000
            while True:
                data = _read(sock)
                if data is None:
                    return
                pdu = smpplib.smpp.parse_pdu(data, client=_Sequence())
                if pdu.command == "bind_transceiver":
                    with gateway.lock:
                        gateway.binds.append(_text(pdu.system_id))
                    sock.sendall(
                        _answer("bind_transceiver_resp", pdu.sequence, system_id="test-smsc")
                    )
                elif pdu.command == "submit_sm":
                    number = "+" + _text(pdu.destination_addr)
                    with gateway.lock:
                        if number in gateway.fail_numbers:
                            sock.sendall(_answer("submit_sm_resp", pdu.sequence, status=0x0B))
                            continue
                        message_id = f"smsc-{len(gateway.submitted) + 1}"
                        gateway.submitted.append(
                            {"to": number, "text": _decode(pdu), "id": message_id}
                        )
                    sock.sendall(_answer("submit_sm_resp", pdu.sequence, message_id=message_id))
                    if gateway.send_receipts:
                        stat = "UNDELIV" if number in gateway.undeliverable else "DELIVRD"
                        sequence += 1
                        text = f"id:{message_id} sub:001 dlvrd:001 submit date:2601010000 done date:2601010000 stat:{stat} err:000 text:"
                        sock.sendall(
                            _answer(
                                "deliver_sm",
                                sequence,
                                source_addr=_text(pdu.destination_addr),
                                destination_addr=_text(pdu.source_addr),
                                esm_class=0x04,
                                short_message=text.encode(),
                            )
                        )
                elif pdu.command == "enquire_link":
                    sock.sendall(_answer("enquire_link_resp", pdu.sequence))
                elif pdu.command == "unbind":
                    sock.sendall(_answer("unbind_resp", pdu.sequence))
                    return

    return Handler


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def smpp_gateway() -> Iterator[SmppGateway]:
    gateway = SmppGateway()
    server = _Server(("127.0.0.1", 0), _handler(gateway))
    gateway.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield gateway
    finally:
        server.shutdown()
        server.server_close()


class _KeyFile:
    """Appends each message's delivery key to a file (one line per message received)."""

    def __init__(self, path: str) -> None:
        self.out = open(path, "a", buffering=1)  # noqa: SIM115 -- open for the server's lifetime

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        match = DELIVERY_HEADER.search(envelope.content)
        self.out.write((match.group(1).decode() if match else "-") + "\n")
        return "250 Message accepted for delivery"


def run_key_sink(port: int, path: str) -> None:
    """An SMTP server in a process of its own (the benchmark's), recording delivery keys to ``path``."""
    import time

    controller = Controller(_KeyFile(path), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()
