"""What every channel adapter accepts and returns."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Outgoing:
    key: str  # the delivery's idempotency key (a UUID)
    address: str  # phone (E.164), e-mail, push subscription JSON, or postal name
    subject: str
    body: str
    lang: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SendResult:
    provider: str
    provider_id: str
    # True when the provider's answer already proves delivery (none of ours does yet).
    is_delivered: bool = False


class ChannelError(Exception):
    is_permanent = False


class TemporaryError(ChannelError):
    """The provider could not take it now (network, throttling): retry later."""


class PermanentError(ChannelError):
    """The provider refused it for good (bad address, rejected): fall back at once."""

    is_permanent = True


class ChannelAdapter(Protocol):
    name: str
    provider: str

    def session(self) -> Any:
        """A context manager holding a provider connection for several sends."""

    def send(self, message: Outgoing, connection: Any) -> SendResult: ...


@contextmanager
def no_connection() -> Iterator[None]:
    yield None


def texts(messages: Sequence[Outgoing]) -> list[str]:
    return [m.body for m in messages]
