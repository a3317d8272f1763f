from __future__ import annotations

import pytest

from sot.cases.models import Case, CaseEvent
from sot.seeding.writers import BulkWriter


def test_fields_the_generator_leaves_out_get_null_or_their_default():
    table = BulkWriter().table(Case, ("id", "court_id", "category", "filed_at", "matter"))
    assert table.columns[:5] == ["id", "court_id", "category", "filed_at", "matter"]
    extra = dict(zip(table.columns[5:], table.extra, strict=True))
    assert extra["instance"] == "first"
    assert extra["status"] == "filed"
    assert extra["is_closed"] is False
    assert extra["subject"] == ""
    assert "number" not in extra  # nullable: left NULL
    assert "decided_at" not in extra


def test_json_defaults_are_written_as_text():
    table = BulkWriter().table(CaseEvent, ("id", "case_id", "kind", "at"))
    assert dict(zip(table.columns[4:], table.extra, strict=True)) == {"payload": "{}"}


@pytest.mark.django_db
def test_rows_reach_the_database_in_batches():
    from sot.courts.models import Region

    writer = BulkWriter()
    table = writer.table(Region, ("id", "code", "name_kk", "name_ru", "name_en"))
    start = (Region.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    for i in range(3):
        table.add((start + i, f"ZZ{i}", f"kk{i}", f"ru{i}", f"en{i}"))
    writer.flush()
    assert table.written == 3
    assert (
        list(Region.objects.filter(code__startswith="ZZ").values_list("timezone", "is_city"))
        == [("Asia/Almaty", False)] * 3
    )
