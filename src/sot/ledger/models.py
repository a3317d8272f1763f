"""The transparency log's tables: leaves, complete-subtree hashes, signed tree heads, and the
single row that serializes appenders.

Leaves, nodes and heads are evidence and append-only. ``LogState`` is the one mutable row: its
lock orders appenders, and it carries the tree size and right edge (``merkle.Frontier``) so an
append reads nothing else.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.core.models import AppendOnlyModel, AppendOnlyQuerySet

LOG_STATE_ID = 1


class Leaf(AppendOnlyModel):
    index = models.BigIntegerField(_("index"), unique=True)
    kind = models.CharField(_("kind"), max_length=64, db_index=True)
    # The canonical JSON bytes exactly as hashed (see docs/ledger.md); kind and appended_at are
    # inside them too, the columns above and below are copies for querying.
    data = models.BinaryField(_("canonical bytes"))
    leaf_hash = models.BinaryField(_("leaf hash"), max_length=32)
    appended_at = models.DateTimeField(_("appended at"))

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("ledger leaf")
        verbose_name_plural = _("ledger leaves")

    def __str__(self) -> str:
        return f"#{self.index} {self.kind}"


class Node(AppendOnlyModel):
    """The hash of the complete subtree covering leaves [index·2^level, (index+1)·2^level)."""

    level = models.PositiveSmallIntegerField(_("level"))
    index = models.BigIntegerField(_("index"))
    hash = models.BinaryField(_("hash"), max_length=32)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("ledger node")
        verbose_name_plural = _("ledger nodes")
        constraints = [
            models.UniqueConstraint(fields=["level", "index"], name="ledger_node_position_uniq")
        ]

    def __str__(self) -> str:
        return f"({self.level}, {self.index})"


class TreeHead(AppendOnlyModel):
    """A signed tree head; the signed bytes are ``signing.tree_head_bytes`` of these fields."""

    tree_size = models.BigIntegerField(_("tree size"), unique=True)
    root_hash = models.BinaryField(_("root hash"), max_length=32)
    # Whole milliseconds, as signed.
    timestamp = models.DateTimeField(_("timestamp"))
    signature = models.BinaryField(_("signature"), max_length=64)
    public_key = models.BinaryField(_("public key"), max_length=32)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("signed tree head")
        verbose_name_plural = _("signed tree heads")

    def __str__(self) -> str:
        return f"STH {self.tree_size}"


class LogState(models.Model):
    """One row (pk 1): locked by every appender, so indexes are gap-free and never doubled."""

    size = models.BigIntegerField(_("size"), default=0)
    frontier = models.BinaryField(_("right edge hashes"), default=b"")

    class Meta:
        verbose_name = _("log state")
        verbose_name_plural = _("log state")

    def __str__(self) -> str:
        return f"log of {self.size}"
