"""The draw itself: pure functions over logged values, shared by the service and the verifier.

Version ``sot-distribution/2`` (docs/distribution.md, ADRs 0005 and 0013):

* every candidate's effective load is ``load * 1000 // share`` — the judge's weighted open load *in
  the case's specialisation* (its category), in hundredths of a case, divided by the judge's share
  of a full load in that specialisation, in thousandths: a judge who hears two categories is on a
  partial load in each (ADR 0013). Integer arithmetic, so anyone re-running the draw gets the same
  numbers. Version 1 used the judge's whole load and share; its entries stay verifiable;
* the least-loaded candidates (the *band*) are those whose effective load is below the minimum plus
  the case's weight: within one case of the least-loaded judge;
* the randomness is ``SHA-256(version ‖ 0x00 ‖ tree-head signature ‖ 0x00 ‖ case number)``, where
  the tree head is the first one signed after the case's request entry entered the log: it did not
  exist when the case was registered, and nobody without the log's private key can compute it;
* the chosen judge is the band's member at ``randomness mod len(band)``, the band ordered by judge id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Protocol

VERSION = "sot-distribution/2"
# Version 1 balanced each judge's whole load; kept so that its log entries can still be verified.
VERSION_WHOLE_LOAD = "sot-distribution/1"
VERSIONS = frozenset({VERSION, VERSION_WHOLE_LOAD})
FULL_SHARE = 1000  # a judge's share of a full load, in thousandths


class Loads(Protocol):
    def __getitem__(self, judge: int, /) -> int: ...


def effective_load(load: int, share: int) -> int:
    return load * FULL_SHARE // share


def category_share(share: int, specialisations: int) -> int:
    """A judge's share in one of their ``specialisations`` categories: the whole share split evenly."""
    return max(1, share // max(1, specialisations))


def randomness(signature: bytes, case_number: str, version: str = VERSION) -> bytes:
    return hashlib.sha256(
        version.encode() + b"\x00" + signature + b"\x00" + case_number.encode("utf-8")
    ).digest()


def choose(
    judges: Sequence[int], effective: Loads, weight: int, seed: bytes
) -> tuple[list[int], int]:
    """The band of least-loaded judges (ids ascending, as ``judges`` must be) and the one drawn."""
    if not judges:
        raise ValueError("nobody to choose from")
    loads = list(map(effective.__getitem__, judges))  # map: a day's draws run this a million times
    ceiling = min(loads) + weight
    band = [j for j, load in zip(judges, loads, strict=True) if load < ceiling]
    return band, band[int.from_bytes(seed, "big") % len(band)]


def commitment(case_number: str, salt: str) -> str:
    """How a closed case appears in the log: its number hidden behind a salt its parties hold."""
    return hashlib.sha256(f"{salt}:{case_number}".encode()).hexdigest()
