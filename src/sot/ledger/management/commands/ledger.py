"""``sot ledger head|proof|consistency|leaf|init-key``: the transparency log for anyone to check."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sot.core.errors import DomainError
from sot.ledger import documents, keys, selectors


def _dump(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True)


class Command(BaseCommand):
    help = "Print the transparency log's signed tree head, proofs and leaves as JSON."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        sub.add_parser("head", help=_("The latest signed tree head."))
        proof = sub.add_parser("proof", help=_("Inclusion proof of one leaf."))
        proof.add_argument("--index", type=int, required=True)
        proof.add_argument("--size", type=int, help=_("Tree size (default: the latest head's)."))
        consistency = sub.add_parser("consistency", help=_("Consistency proof of two sizes."))
        consistency.add_argument("--first", type=int, required=True)
        consistency.add_argument("--second", type=int, required=True)
        leaf = sub.add_parser("leaf", help=_("A leaf's canonical JSON, exactly as hashed."))
        leaf.add_argument("--index", type=int, required=True)
        sub.add_parser("init-key", help=_("Create the log's Ed25519 signing key."))

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            self._run(options)
        except DomainError as exc:
            details = "; ".join(
                f"{name}: {' '.join(messages)}" for name, messages in exc.render_fields().items()
            )
            raise CommandError(f"{exc.render_message()} {details}".strip()) from exc

    def _run(self, options: dict[str, Any]) -> None:
        match options["subcommand"]:
            case "head":
                head = selectors.tree_head_latest()
                if head is None:
                    raise CommandError(_("The log has no signed tree head yet."))
                self.stdout.write(_dump(documents.head_document(head)))
            case "proof":
                proof = selectors.inclusion_proof(options["index"], options["size"])
                self.stdout.write(_dump(documents.inclusion_document(proof)))
            case "consistency":
                consistency = selectors.consistency_proof(options["first"], options["second"])
                self.stdout.write(_dump(documents.consistency_document(consistency)))
            case "leaf":
                leaf = selectors.leaf_get(options["index"])
                # The canonical text itself, then a newline that is not part of the leaf.
                self.stdout.write(bytes(leaf.data).decode("utf-8"))
            case "init-key":
                path = keys.key_path()
                try:
                    key = keys.key_create(path)
                except keys.KeyExists:
                    raise CommandError(
                        _("%(path)s already exists; it is never overwritten.") % {"path": path}
                    ) from None
                self.stdout.write(
                    _("Created %(path)s; public key %(key)s")
                    % {"path": path, "key": keys.public_key_bytes(key).hex()}
                )
