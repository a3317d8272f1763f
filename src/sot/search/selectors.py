"""Permission-aware searches. The internal index is filtered in the tantivy query by the same
rule as ``sot.cases.selectors.case_visibility``:

- acts of matters the user takes part in (party, judge on the bench, clerk): all, closed included;
- court staff: acts of open (not closed-session) cases of their court;
- analysts and administrators: acts of open cases nationwide;
- nobody else: nothing. A closed case's act is never found by role alone.
"""

from __future__ import annotations

import tantivy
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from sot.accounts.models import User
from sot.accounts.roles import COURT_STAFF_ROLES, NATIONAL_READ_ROLES
from sot.cases.models import Case
from sot.cases.selectors import involved_matters
from sot.core.audit import audit_record
from sot.core.errors import Forbidden, NotFound
from sot.core.models import AuditAction

from . import engine, store
from .engine import Hit, Results, SearchParams
from .schema import IndexName

INTERNAL_ROLES = COURT_STAFF_ROLES | NATIONAL_READ_ROLES


def may_search_internal(user: User | AnonymousUser) -> bool:
    return isinstance(user, User) and user.is_active and user.has_role(*INTERNAL_ROLES)


def _closed(query: tantivy.Query, schema: tantivy.Schema, value: str) -> tantivy.Query:
    return tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Must, query),
            (tantivy.Occur.Must, tantivy.Query.term_query(schema, "closed", value)),
        ]
    )


def permission_query(user: User, schema: tantivy.Schema) -> tantivy.Query:
    """What ``user`` may see in the internal index, as a query (see the module docstring)."""
    allowed: list[tantivy.Query] = []
    matters = [
        str(m)
        for m in Case.objects.filter(involved_matters(user)).values_list("matter", flat=True)
        if m is not None
    ]
    if matters:
        allowed.append(tantivy.Query.term_set_query(schema, "matter", sorted(set(matters))))
    if user.has_role(*NATIONAL_READ_ROLES):
        allowed.append(tantivy.Query.term_query(schema, "closed", "0"))
    elif user.has_role(*COURT_STAFF_ROLES):
        court = user.workplace_court()
        if court is not None:
            in_court = tantivy.Query.term_query(schema, "court", court.code)
            allowed.append(_closed(in_court, schema, "0"))
    if not allowed:
        return tantivy.Query.empty_query()
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in allowed])


def public_search(params: SearchParams) -> Results:
    """The public bank: published, depersonalized acts; open to everyone."""
    return engine.search(IndexName.PUBLIC, params)


def internal_search(
    user: User, params: SearchParams, *, request: HttpRequest | None = None
) -> Results:
    if not may_search_internal(user):
        raise Forbidden()
    schema = store.open_index(IndexName.INTERNAL).schema
    results = engine.search(IndexName.INTERNAL, params, permission=permission_query(user, schema))
    _audit_closed(user, results.hits, request)
    return results


def public_act(key: str) -> Hit:
    hit = engine.find(IndexName.PUBLIC, key)
    if hit is None:
        raise NotFound()
    return hit


def public_similar(key: str, limit: int = 5) -> list[Hit]:
    public_act(key)
    return engine.similar(IndexName.PUBLIC, key, limit=limit)


def internal_similar(
    user: User, key: str, limit: int = 5, *, request: HttpRequest | None = None
) -> list[Hit]:
    if not may_search_internal(user):
        raise Forbidden()
    schema = store.open_index(IndexName.INTERNAL).schema
    permission = permission_query(user, schema)
    # The act itself must be visible to the user: same answer whether missing or not theirs.
    seen = engine.search(
        IndexName.INTERNAL,
        SearchParams(facets=False, snippets=False, per_page=1),
        permission=tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Must, permission),
                (tantivy.Occur.Must, tantivy.Query.term_query(schema, "key", key)),
            ]
        ),
    )
    if not seen.total:
        raise NotFound()
    hits = engine.similar(IndexName.INTERNAL, key, limit=limit, permission=permission)
    _audit_closed(user, hits, request)
    return hits


def _audit_closed(user: User, hits: list[Hit], request: HttpRequest | None) -> None:
    """Acts of closed sessions shown to the bench or parties are sensitive reads."""
    for hit in hits:
        if hit.fields.get("closed") == "1":
            audit_record(
                actor=user,
                action=AuditAction.CASE_CLOSED_READ,
                object_type="act",
                object_id=hit.key,
                details={"via": "search"},
                request=request,
            )
