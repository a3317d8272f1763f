"""The state fee: rates from ``data/fees.json`` (percent of the claim, or MCI multiples), MCI per year.

The rates and the MCI values are data, so a new budget year or a new Tax Code is an edit to the
table, not to code. Amounts are rounded to whole tiyn (two decimals), half up.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from .schema import FilingKind, fee_table

CENT = Decimal("0.01")


@dataclass(frozen=True)
class FeeQuote:
    amount: Decimal
    rule: str
    article: str
    mci: int
    year: int
    exemption: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "amount": str(self.amount),
            "rule": self.rule,
            "article": self.article,
            "mci": self.mci,
            "year": self.year,
            "exemption": self.exemption,
        }


class UnknownMciYear(LookupError):
    pass


def mci_for(year: int) -> int:
    values: dict[str, int] = fee_table()["mci"]
    if str(year) not in values:
        raise UnknownMciYear(year)
    return values[str(year)]


def _amount(form: dict[str, Any], name: str) -> Decimal | None:
    raw = form.get(name)
    if raw in (None, ""):
        return None
    try:
        return Decimal(str(raw))
    except InvalidOperation:
        return None


def _claim_rate(rule: dict[str, Any], base: Decimal | None, payer: str, mci: int) -> Decimal:
    if base is not None and base > 0:
        return base * Decimal(rule["percent"][payer]) / 100
    return Decimal(rule["non_property_mci"][payer]) * mci


def fee_quote(
    kind: FilingKind, form: dict[str, Any], *, year: int, organisation: bool = False
) -> FeeQuote:
    """The fee a filing of ``kind`` with ``form`` owes in ``year``; zero when exempt."""
    table = fee_table()
    rule = table["rules"][kind.fee]
    mci = mci_for(year)
    payer = "organisation" if organisation else "person"
    exemption = str(form.get("fee_exemption") or "")
    if exemption and exemption in table["exemptions"]:
        return FeeQuote(
            Decimal("0.00"),
            kind.fee,
            table["exemptions"][exemption]["article"],
            mci,
            year,
            exemption,
        )
    if rule["kind"] == "free":
        amount = Decimal(0)
    elif rule["kind"] == "mci":
        amount = Decimal(rule["mci"][payer]) * mci
    elif rule["kind"] == "claim":
        amount = _claim_rate(rule, _amount(form, "claim_amount"), payer, mci)
    else:  # a share of another rule, computed on the amount in the named field
        base_rule = table["rules"][rule["of"]]
        base = _amount(form, rule["amount_field"])
        amount = _claim_rate(base_rule, base, payer, mci) * Decimal(rule["share"])
    return FeeQuote(amount.quantize(CENT, ROUND_HALF_UP), kind.fee, rule["article"], mci, year)
