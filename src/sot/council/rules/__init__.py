"""The law "On the Supreme Judicial Council" as pure functions: no database, no clock.

Every rule takes plain facts and the thresholds the Council's regulation sets, and answers with
reasons that cite the article. Pages, the API, services and ``sot council …`` all call these.
"""
