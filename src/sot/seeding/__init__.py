"""Deterministic synthetic data for demos and benchmarks: ``sot seed`` and ``sot demo``.

The seeded world follows the seed documents' figures (``scale.py``) over the reference courts of
the ``courts`` migration. Modules, in the order a run uses them:

- ``courts``: the courts and their competences as the seeder sees them; cases per court;
- ``people`` and ``names``: valid IINs and BINs, Kazakh and Russian names, organisations;
- ``users`` and ``judges``: accounts for every role, the bench with specialisations and status;
- ``parties``, ``subjects``, ``timeline``, ``workdays``: who takes part in a case, what it is
  about, and its path through the lifecycle with realistic durations on court working days;
- ``cases``: numbering and writing cases, participants, benches and events, then appeals and
  cassations; ``demo``: the demo accounts and the cases they take part in;
- ``writers``, ``indexes``, ``progress``, ``reset``: bulk insertion, deferred indexes, the progress
  line, and removing seeded data; ``pipeline`` runs it all in one transaction.
"""
