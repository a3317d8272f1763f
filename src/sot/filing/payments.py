"""The payment adapter: how the state fee is paid.

Production connects to the treasury's payment gateway (e-Gov / Kazpost / second-tier banks through
the state revenue committee's interface); that adapter lives outside this repository and is named by
``SOT_FILING_PAYMENT_GATEWAY`` (a dotted path to a class with ``charge``). The local gateway here
records the payment and issues a receipt number at once, for development, tests and the demo.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from sot.core import clock


@dataclass(frozen=True)
class Receipt:
    provider: str
    receipt_number: str
    amount: Decimal
    payer_name: str
    payer_iin: str
    paid_at: datetime


class PaymentGateway(Protocol):
    def charge(
        self, *, amount: Decimal, payer_name: str, payer_iin: str, reference: str
    ) -> Receipt: ...


class LocalPaymentGateway:
    """Accepts every payment and numbers the receipt: the record is the Payment row."""

    provider = "local"

    def charge(
        self, *, amount: Decimal, payer_name: str, payer_iin: str, reference: str
    ) -> Receipt:
        now = clock.now()
        number = f"LOC-{now:%Y%m%d}-{secrets.token_hex(6).upper()}"
        return Receipt(self.provider, number, amount, payer_name[:300], payer_iin[:12], now)


@cache
def _gateway_class(path: str) -> type:
    cls: type = import_string(path)
    return cls


def payment_gateway() -> PaymentGateway:
    path = getattr(
        settings, "SOT_FILING_PAYMENT_GATEWAY", "sot.filing.payments.LocalPaymentGateway"
    )
    gateway: PaymentGateway = _gateway_class(path)()
    return gateway
