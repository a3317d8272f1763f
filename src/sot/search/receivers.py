"""Listen to the acts app: each signal enqueues the indexing task (sent on commit already)."""

from __future__ import annotations

from typing import Any

from sot.acts import signals

from . import tasks


def on_signed(sender: Any, act_id: int, **kwargs: Any) -> None:
    tasks.index_act.enqueue(act_id)


def on_published(sender: Any, act_id: int, **kwargs: Any) -> None:
    tasks.index_act.enqueue(act_id)


def on_withdrawn(sender: Any, act_id: int, **kwargs: Any) -> None:
    tasks.index_act.enqueue(act_id, withdrawn=True)


def connect() -> None:
    signals.act_signed.connect(on_signed, dispatch_uid="search.act_signed")
    signals.act_published.connect(on_published, dispatch_uid="search.act_published")
    signals.act_withdrawn.connect(on_withdrawn, dispatch_uid="search.act_withdrawn")
