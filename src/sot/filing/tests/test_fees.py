"""State fee from the table (Tax Code of RK art. 610 rates, art. 616 exemptions; to be reviewed)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sot.filing.fees import UnknownMciYear, fee_quote, mci_for
from sot.filing.schema import FilingKind, all_kinds, kind_get


def kind(code: str) -> FilingKind:
    found = kind_get(code)
    assert found is not None
    return found


def test_mci_values_per_year_come_from_the_budget_laws() -> None:
    assert (mci_for(2024), mci_for(2025), mci_for(2026)) == (3692, 3932, 4325)
    with pytest.raises(UnknownMciYear):
        mci_for(1999)


def test_property_claim_one_percent_for_a_person_art_610() -> None:
    quote = fee_quote(kind("civil_claim"), {"claim_amount": "2500000"}, year=2026)
    assert quote.amount == Decimal("25000.00")
    assert "610" in quote.article


def test_property_claim_three_percent_for_an_organisation_art_610() -> None:
    quote = fee_quote(kind("civil_claim"), {"claim_amount": "1000"}, year=2026, organisation=True)
    assert quote.amount == Decimal("30.00")


def test_non_property_claim_half_an_mci_for_a_person_art_610() -> None:
    assert fee_quote(kind("civil_claim"), {}, year=2025).amount == Decimal("1966.00")
    assert fee_quote(kind("administrative_claim"), {}, year=2026).amount == Decimal("2162.50")


def test_court_order_is_half_the_claim_rate_art_610() -> None:
    quote = fee_quote(kind("court_order"), {"debt_amount": "300000"}, year=2026)
    assert quote.amount == Decimal("1500.00")


def test_exemptions_art_616_make_the_fee_zero() -> None:
    quote = fee_quote(
        kind("civil_claim"), {"claim_amount": "900000", "fee_exemption": "wages"}, year=2026
    )
    assert quote.amount == Decimal("0.00")
    assert quote.exemption == "wages"
    assert "616" in quote.article


def test_criminal_and_petition_kinds_are_free() -> None:
    for code in ("criminal_investigator_complaint", "prosecutor_sanction", "petition_video"):
        assert fee_quote(kind(code), {}, year=2026).amount == 0


def test_every_kind_file_loads_and_names_a_known_fee_rule() -> None:
    kinds = all_kinds()
    assert len(kinds) >= 14
    for k in kinds.values():
        assert k.steps
        assert k.filers
        assert all(s.label.get("kk") and s.label.get("ru") for s in k.attachments)
