"""The starter set of deadline rules, loaded by a data migration and ``sot deadlines load-rules``.

Every rule is data a court administrator reviews (``is_reviewed`` stays false until they do):
the article and the length are the code's as we read them; notes say what is approximated
(Sot's lifecycle has one event where the code distinguishes several).
"""

from __future__ import annotations

from typing import Any

from sot.core.judiciary import CaseCategory, Instance

from .models import PeriodUnit, ProcedureCode, Responsible, ViolationKind

C, N, U, P, R = CaseCategory, Instance, PeriodUnit, ProcedureCode, Responsible

STARTER_RULES: list[dict[str, Any]] = [
    {
        "code": "cpc-claim-acceptance",
        "name_kk": "Талап арызды іс жүргізуге қабылдау",
        "name_ru": "Принятие искового заявления к производству",
        "name_en": "Accepting a statement of claim",
        "procedure_code": P.CIVIL,
        "article": "CPC art. 148",
        "category": C.CIVIL,
        "instance": N.FIRST,
        "start_event": "registered",
        "stop_events": ["accepted", "returned", "left_without_motion"],
        "unit": U.WORKING_DAYS,
        "length": 5,
        "responsible": R.PRESIDING_JUDGE,
        "note": "The judge decides on accepting a claim within five working days of its receipt.",
    },
    {
        "code": "cpc-consideration",
        "name_kk": "Азаматтық істі қарау мерзімі",
        "name_ru": "Срок рассмотрения гражданского дела",
        "name_en": "Civil case consideration",
        "procedure_code": P.CIVIL,
        "article": "CPC art. 183(2)",
        "category": C.CIVIL,
        "instance": N.FIRST,
        "start_event": "scheduled",
        "stop_events": ["decided"],
        "unit": U.MONTHS,
        "length": 2,
        "responsible": R.PRESIDING_JUDGE,
        "note": (
            "Two months from the end of preparation (the case set for trial). One month for "
            "reinstatement, paternity and alimony cases: Sot does not yet tell those apart."
        ),
    },
    {
        "code": "cpc-reasoned-decision",
        "name_kk": "Дәлелді шешімді дайындау және жүйеге енгізу",
        "name_ru": "Изготовление мотивированного решения и внесение в систему",
        "name_en": "Preparing the reasoned decision and entering it",
        "procedure_code": P.CIVIL,
        "article": "CPC art. 229",
        "category": C.CIVIL,
        "instance": N.FIRST,
        "start_event": "decided",
        "stop_events": ["document_added"],
        "unit": U.WORKING_DAYS,
        "length": 5,
        "responsible": R.PRESIDING_JUDGE,
        "violation_kind": ViolationKind.ACT_ENTERED_LATE,
        "note": "Until the acts app records its own event, a document added after the "
        "announcement counts as the act entered.",
    },
    {
        "code": "cpc-send-appeal",
        "name_kk": "Істі апелляциялық сатыдағы сотқа жіберу",
        "name_ru": "Направление дела в суд апелляционной инстанции",
        "name_en": "Sending the case to the appeal court",
        "procedure_code": P.CIVIL,
        "article": "CPC art. 405",
        "category": C.CIVIL,
        "instance": N.FIRST,
        "start_event": "appealed",
        "stop_events": ["higher:registered"],
        "unit": U.WORKING_DAYS,
        "length": 10,
        "pauses_on_suspension": False,
        "responsible": R.HEARING_SECRETARY,
        "note": "Stops when the appeal court registers the case; the length is to be confirmed.",
    },
    {
        "code": "cpc-appeal-consideration",
        "name_kk": "Азаматтық істі апелляциялық тәртіппен қарау",
        "name_ru": "Рассмотрение гражданского дела в апелляционной инстанции",
        "name_en": "Civil appeal consideration",
        "procedure_code": P.CIVIL,
        "article": "CPC art. 411",
        "category": C.CIVIL,
        "instance": N.APPEAL,
        "start_event": "registered",
        "stop_events": ["decided"],
        "unit": U.MONTHS,
        "length": 2,
        "responsible": R.PRESIDING_JUDGE,
        "note": "Two months from the case's arrival at the appeal court.",
    },
    {
        "code": "appc-consideration",
        "name_kk": "Әкімшілік істі қарау мерзімі",
        "name_ru": "Срок рассмотрения административного дела",
        "name_en": "Administrative case consideration",
        "procedure_code": P.ADMINISTRATIVE,
        "article": "APPC art. 136",
        "category": C.ADMINISTRATIVE,
        "instance": N.FIRST,
        "start_event": "accepted",
        "stop_events": ["decided"],
        "unit": U.MONTHS,
        "length": 2,
        "responsible": R.PRESIDING_JUDGE,
        "note": "Two months from acceptance; the court may extend it by a reasoned ruling.",
    },
    {
        "code": "appc-reasoned-decision",
        "name_kk": "Әкімшілік іс бойынша шешімді дайындау және жүйеге енгізу",
        "name_ru": "Изготовление решения по административному делу и внесение в систему",
        "name_en": "Preparing the administrative decision and entering it",
        "procedure_code": P.ADMINISTRATIVE,
        "article": "APPC art. 147",
        "category": C.ADMINISTRATIVE,
        "instance": N.FIRST,
        "start_event": "decided",
        "stop_events": ["document_added"],
        "unit": U.WORKING_DAYS,
        "length": 5,
        "responsible": R.PRESIDING_JUDGE,
        "violation_kind": ViolationKind.ACT_ENTERED_LATE,
        "note": "A document added after the announcement counts as the act entered.",
    },
    {
        "code": "appc-send-appeal",
        "name_kk": "Әкімшілік істі апелляциялық сатыдағы сотқа жіберу",
        "name_ru": "Направление административного дела в апелляционную инстанцию",
        "name_en": "Sending the administrative case to the appeal court",
        "procedure_code": P.ADMINISTRATIVE,
        "article": "APPC art. 163",
        "category": C.ADMINISTRATIVE,
        "instance": N.FIRST,
        "start_event": "appealed",
        "stop_events": ["higher:registered"],
        "unit": U.WORKING_DAYS,
        "length": 10,
        "pauses_on_suspension": False,
        "responsible": R.HEARING_SECRETARY,
        "note": "Stops when the appeal court registers the case; the length is to be confirmed.",
    },
    {
        "code": "crpc-trial-start",
        "name_kk": "Басты сот талқылауын бастау",
        "name_ru": "Начало главного судебного разбирательства",
        "name_en": "Starting the main trial",
        "procedure_code": P.CRIMINAL,
        "article": "CrPC art. 322",
        "category": C.CRIMINAL,
        "instance": N.FIRST,
        "start_event": "accepted",
        "stop_events": ["heard"],
        "unit": U.DAYS,
        "length": 15,
        "responsible": R.PRESIDING_JUDGE,
        "note": "The trial begins within fifteen days of the ruling that sets it; the first "
        "hearing held stops the clock.",
    },
    {
        "code": "crpc-verdict-entry",
        "name_kk": "Үкімді жүйеге енгізу",
        "name_ru": "Внесение приговора в систему",
        "name_en": "Entering the verdict",
        "procedure_code": P.CRIMINAL,
        "article": "CrPC art. 403",
        "category": C.CRIMINAL,
        "instance": N.FIRST,
        "start_event": "decided",
        "stop_events": ["document_added"],
        "unit": U.DAYS,
        "length": 5,
        "responsible": R.PRESIDING_JUDGE,
        "violation_kind": ViolationKind.ACT_ENTERED_LATE,
        "note": "Five days for the copies of the verdict; the act entered is a document added "
        "after the announcement.",
    },
    {
        "code": "crpc-send-appeal",
        "name_kk": "Қылмыстық істі апелляциялық сатыдағы сотқа жіберу",
        "name_ru": "Направление уголовного дела в апелляционную инстанцию",
        "name_en": "Sending the criminal case to the appeal court",
        "procedure_code": P.CRIMINAL,
        "article": "CrPC art. 421",
        "category": C.CRIMINAL,
        "instance": N.FIRST,
        "start_event": "appealed",
        "stop_events": ["higher:registered"],
        "unit": U.DAYS,
        "length": 10,
        "pauses_on_suspension": False,
        "responsible": R.HEARING_SECRETARY,
        "note": "Stops when the appeal court registers the case; the length is to be confirmed.",
    },
]


def write_rules(rule_model: Any) -> int:
    """Create the starter rules that do not exist yet; a rule already there is left as it is
    (an administrator may have reviewed or changed it). Returns how many were created."""
    existing = set(rule_model.objects.values_list("code", flat=True))
    new = [rule_model(**rule) for rule in STARTER_RULES if rule["code"] not in existing]
    rule_model.objects.bulk_create(new)
    return len(new)
