"""Who takes part in a synthetic case, by the shape its subject names (see ``subjects.py``).

A participant is a tuple ``(role, kind, user id, name, IIN, BIN, index of the represented
participant or -1)``. People come from the population pool; some plaintiffs of electronically filed
cases are citizens with a Sot account, most representatives are lawyers with one, and criminal
cases have a prosecutor of the court's region.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sot.cases.models import ParticipantRole, PartyKind

from .people import Population
from .users import Account

R = ParticipantRole
PERSON = str(PartyKind.PERSON)
ORGANISATION = str(PartyKind.ORGANISATION)
Party = tuple[str, str, int | None, str, str, str, int]
# An electronically filing person has a Sot account this often (the rest file through a lawyer
# or a public service centre).
P_CITIZEN_ACCOUNT = 0.1
P_LAWYER_ACCOUNT = 0.75


@dataclass
class PartySource:
    rng: random.Random
    population: Population
    citizens: list[Account] = field(default_factory=list)
    lawyers: dict[int | None, list[Account]] = field(default_factory=dict)
    prosecutors: dict[int | None, list[Account]] = field(default_factory=dict)
    state_bodies: dict[int | None, list[tuple[str, str]]] = field(default_factory=dict)
    all_lawyers: list[Account] = field(default_factory=list)
    all_prosecutors: list[Account] = field(default_factory=list)

    # -- single participants ------------------------------------------------------------------

    def person(self, role: str, electronic_filer: bool = False) -> Party:
        rng = self.rng
        if electronic_filer and self.citizens and rng.random() < P_CITIZEN_ACCOUNT:
            account = self.citizens[int(rng.random() * len(self.citizens))]
            return (role, PERSON, account.id, account.name, account.iin, "", -1)
        pool = self.population
        i = int(rng.random() * len(pool.person_names))
        return (role, PERSON, None, pool.person_names[i], pool.person_iins[i], "", -1)

    def organisation(self, role: str, lender: bool = False) -> Party:
        pool = self.population
        if lender:
            # Skewed: the first lenders file most of the debt claims.
            i = int(self.rng.random() ** 2 * pool.lender_count)
        else:
            i = pool.lender_count + int(
                self.rng.random() * (len(pool.org_names) - pool.lender_count)
            )
        return (role, ORGANISATION, None, pool.org_names[i], "", pool.org_bins[i], -1)

    def state_body(self, role: str, region_id: int | None, police: bool = False) -> Party:
        bodies = self.state_bodies.get(region_id) or next(iter(self.state_bodies.values()))
        name, bin_ = bodies[1] if police else bodies[int(self.rng.random() * len(bodies))]
        return (role, ORGANISATION, None, name, "", bin_, -1)

    def lawyer(self, region_id: int | None, represents: int) -> Party:
        rng = self.rng
        if self.all_lawyers and rng.random() < P_LAWYER_ACCOUNT:
            local = self.lawyers.get(region_id)
            pool = local if local and rng.random() < 0.8 else self.all_lawyers
            account = pool[int(rng.random() * len(pool))]
            return (R.REPRESENTATIVE, PERSON, account.id, account.name, account.iin, "", represents)
        role, kind, _, name, iin, _, _ = self.person(R.REPRESENTATIVE)
        return (role, kind, None, name, iin, "", represents)

    def prosecutor(self, region_id: int | None) -> Party:
        pool = self.prosecutors.get(region_id) or self.all_prosecutors
        if not pool:
            return self.person(R.PROSECUTOR)
        account = pool[int(self.rng.random() * len(pool))]
        return (R.PROSECUTOR, PERSON, account.id, account.name, account.iin, "", -1)

    # -- whole cases --------------------------------------------------------------------------

    def make(self, shape: str, region_id: int | None, electronic: bool) -> list[Party]:
        rng = self.rng
        parties: list[Party]
        if shape == "crime":
            parties = [self.prosecutor(region_id)]
            accused = 1 if rng.random() < 0.85 else (2 if rng.random() < 0.8 else 3)
            for _ in range(accused):
                parties.append(self.person(R.ACCUSED))
                if rng.random() < 0.8:
                    parties.append(self.lawyer(region_id, len(parties) - 1))
            roll = rng.random()
            if roll < 0.6:
                parties.append(self.person(R.VICTIM))
                if rng.random() < 0.1:
                    parties.append(self.lawyer(region_id, len(parties) - 1))
            elif roll < 0.7:
                parties.append(self.organisation(R.VICTIM))
            return parties
        if shape == "offence":
            parties = [self.state_body(R.APPLICANT, region_id, police=True)]
            if rng.random() < 0.9:
                parties.append(self.person(R.ACCUSED))
            else:
                parties.append(self.organisation(R.ACCUSED))
            if rng.random() < 0.1:
                parties.append(self.lawyer(region_id, 1))
            if rng.random() < 0.1:
                parties.append(self.person(R.VICTIM))
            return parties
        if shape == "special":
            parties = [self.person(R.APPLICANT, electronic)]
            if rng.random() < 0.2:
                parties.append(self.lawyer(region_id, 0))
            return parties
        if shape == "state":
            plaintiff = (
                self.person(R.PLAINTIFF, electronic)
                if rng.random() < 0.6
                else self.organisation(R.PLAINTIFF)
            )
            parties = [plaintiff, self.state_body(R.DEFENDANT, region_id)]
            if rng.random() < 0.4:
                parties.append(self.lawyer(region_id, 0))
            if rng.random() < 0.05:
                parties.append(self.prosecutor(region_id))
            return parties
        if shape == "lender":
            parties = [self.organisation(R.PLAINTIFF, lender=True), self.person(R.DEFENDANT)]
            if rng.random() < 0.5:
                parties.append(self.lawyer(region_id, 0))
            return parties
        if shape == "org_person":
            parties = [self.organisation(R.PLAINTIFF), self.person(R.DEFENDANT)]
        elif shape == "person_org":
            parties = [self.person(R.PLAINTIFF, electronic), self.organisation(R.DEFENDANT)]
        elif shape == "orgs":
            parties = [self.organisation(R.PLAINTIFF), self.organisation(R.DEFENDANT)]
        else:  # people, family
            parties = [self.person(R.PLAINTIFF, electronic), self.person(R.DEFENDANT)]
            if shape == "people" and rng.random() < 0.1:
                parties.append(self.person(R.THIRD_PARTY))
        if rng.random() < 0.4:
            parties.append(self.lawyer(region_id, 0))
        if rng.random() < 0.2:
            parties.append(self.lawyer(region_id, 1))
        return parties
