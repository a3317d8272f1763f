import datetime

import pytest

from sot.core import clock
from sot.core.audit import audit_record
from sot.core.models import AuditAction, AuditEvent


@pytest.mark.django_db
def test_audit_rows_are_append_only():
    event = audit_record(actor=None, action=AuditAction.IIN_READ, object_type="x", object_id=1)
    event.details = {"changed": True}
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        AuditEvent.objects.filter(pk=event.pk).update(object_id="2")
    with pytest.raises(TypeError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).object_id == "1"


def test_frozen_clock_sets_now_and_restores_it():
    moment = datetime.datetime(2026, 3, 21, 9, 0, tzinfo=datetime.UTC)
    with clock.frozen(moment):
        assert clock.now() == moment
    assert clock.now() != moment


def test_frozen_clock_refuses_naive_datetimes():
    with pytest.raises(ValueError, match="aware"), clock.frozen(datetime.datetime(2026, 1, 1)):
        pass
