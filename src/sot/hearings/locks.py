"""Serialize bookings of the same judge, courtroom or advocate, so a conflict check cannot race.

Two schedulers who check a slot at the same instant both see it free unless something makes the
second wait for the first to commit. On PostgreSQL each booking takes a transaction-level advisory
lock per resource it books — the courtroom, the judge, and every advocate by account and by IIN
(an advocate may appear with either, see ``booking.conflicts``) — before it reads the bookings.
A second booking of any of them waits, then reads the first one's committed hearing and reports
the clash. The locks are released with the transaction.

An advocate known only by IIN has no row to ``SELECT … FOR UPDATE``, so keys are used instead of
rows. Two bookings share a key exactly when ``booking.conflicts`` would compare them: the same
room, the same judge, or advocates sharing an account or an IIN.

SQLite has no advisory locks and needs none: it lets one transaction write at a time, so a second
booking that read the slot before the first committed fails to write ("database is locked")
instead of double-booking. Production runs PostgreSQL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from django.db import connection

from sot.cases.models import Participant
from sot.courts.models import Judge

from .booking import ADVOCATE_ROLES
from .models import Courtroom


def booking_keys(courtroom: Courtroom, judge: Judge, summoned: Sequence[Participant]) -> list[str]:
    """The resources a booking holds, as stable strings (sorted, without repeats)."""
    keys = {f"courtroom:{courtroom.pk}", f"judge:{judge.pk}"}
    for person in summoned:
        if person.role not in ADVOCATE_ROLES:
            continue
        if person.user_id:
            keys.add(f"advocate-user:{person.user_id}")
        if person.iin:
            keys.add(f"advocate-iin:{person.iin}")
    return sorted(keys)


def lock_id(key: str) -> int:
    """A signed 64-bit number for ``pg_advisory_xact_lock``; a collision only adds a wait."""
    digest = hashlib.blake2b(f"sot.hearings:{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def lock_keys(keys: Iterable[str]) -> None:
    """Hold every key until the transaction ends; must run inside ``transaction.atomic``.

    Keys are taken one by one in sorted order, so two bookings never wait on each other in a cycle.
    """
    if connection.vendor != "postgresql":
        return  # SQLite: one writer at a time (see the module docstring)
    with connection.cursor() as cursor:
        for key in sorted(set(keys)):
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_id(key)])


def lock_booking(courtroom: Courtroom, judge: Judge, summoned: Sequence[Participant]) -> None:
    lock_keys(booking_keys(courtroom, judge, summoned))
