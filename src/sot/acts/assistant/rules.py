"""The routine acts the assistant drafts, each with its legal rule.

Article references follow the Civil Procedure Code (CPC RK, 2015, Chapter 11 "Writ proceedings",
arts. 134-143) and the Criminal Procedure Code (CrPC RK, 2014) as we know them. **To be reviewed by
a lawyer** before production: the wording of each basis is in ``MESSAGES`` and in the drafts.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sot.cases.models import Case, CaseStatus, ParticipantRole
from sot.core.judiciary import CaseCategory

from ..models import ActKind
from .base import Check, CheckMessage, Proposal, Rule
from .record import participants

EARLY_STATUSES = {CaseStatus.FILED, CaseStatus.REGISTERED, CaseStatus.ACCEPTED}

# What each check means and where the rule comes from ("to be reviewed": see the module docstring).
MESSAGES: dict[str, CheckMessage] = {
    "civil_case": CheckMessage(_("The case is a civil case."), "CPC RK art. 134"),
    "criminal_case": CheckMessage(_("The material is a criminal case."), "CrPC RK art. 55"),
    "claimant_known": CheckMessage(
        _("The claimant (recoverer) is recorded in the case."), "CPC RK art. 136"
    ),
    "debtor_known": CheckMessage(_("The debtor is recorded in the case."), "CPC RK art. 136"),
    "amount_stated": CheckMessage(
        _("The amount claimed is stated and greater than zero."), "CPC RK art. 136"
    ),
    "documents_attached": CheckMessage(
        _("Documents confirming the claim are attached."), "CPC RK art. 136"
    ),
    "not_decided": CheckMessage(
        _("The case has not been decided yet (filed, registered or accepted)."), "CPC RK art. 137"
    ),
    "verify_claim_listed": CheckMessage(
        _(
            "The claim is one of those a court order may be issued on (written or notarised "
            "transaction, unpaid wages, alimony without paternity dispute and the other listed "
            "claims)."
        ),
        "CPC RK art. 135",
    ),
    "verify_undisputed": CheckMessage(
        _(
            "The claim is undisputed: nothing in the papers shows a dispute about the right; "
            "otherwise refuse and explain the right to sue."
        ),
        "CPC RK art. 137",
    ),
    "verify_debtor_address": CheckMessage(
        _("The debtor's place of residence or location in Kazakhstan is known."),
        "CPC RK art. 137",
    ),
    "verify_fee_paid": CheckMessage(
        _("The state fee is paid or the claimant is exempt."), "Tax Code RK art. 610"
    ),
    "verify_amount_matches": CheckMessage(
        _("The amount in the draft matches the documents, including interest and penalties."),
        "CPC RK art. 139",
    ),
    "verify_return_ground": CheckMessage(
        _(
            "One ground for returning the claim applies (no jurisdiction, not signed, no "
            "authority, pre-trial procedure not followed, the claimant asked for it back) and "
            "the draft names it."
        ),
        "CPC RK art. 152",
    ),
    "debt_in_enforcement": CheckMessage(
        _("The case is in force or in enforcement (there is a debt to enforce)."),
        "Law on enforcement proceedings art. 33",
    ),
    "verify_debtor_evades": CheckMessage(
        _(
            "The debtor has not paid within the time the enforcement officer gave and has "
            "no valid reason."
        ),
        "Law on enforcement proceedings art. 33",
    ),
    "accused_known": CheckMessage(
        _("The suspect or accused is recorded in the material."), "CrPC RK art. 147"
    ),
    "article_recorded": CheckMessage(
        _("The article of the Criminal Code is recorded."), "CrPC RK art. 147"
    ),
    "verify_grave_offence": CheckMessage(
        _(
            "Custody: the offence is punishable by more than five years of imprisonment, or an "
            "exception of article 147 applies."
        ),
        "CrPC RK art. 147",
    ),
    "verify_grounds": CheckMessage(
        _(
            "There are grounds to believe the person will hide, obstruct the investigation or "
            "commit a new offence, shown by the material."
        ),
        "CrPC RK art. 136",
    ),
    "verify_circumstances": CheckMessage(
        _("Age, health, family and occupation were weighed against a milder measure."),
        "CrPC RK art. 139",
    ),
    "verify_deadline": CheckMessage(
        _("The petition arrived and is decided within the statutory hours of detention."),
        "CrPC RK art. 148",
    ),
}

COURT_ORDER_ARTICLES = ["CPC RK art. 135", "CPC RK art. 139", "CPC RK art. 140"]


def _texts(lang: str, kk: str, ru: str) -> str:
    return kk if lang == "kk" else ru


def _civil_basics(case: Case) -> list[Check]:
    claimants = participants(case, ParticipantRole.PLAINTIFF, ParticipantRole.APPLICANT)
    return [
        Check("civil_case", case.category == CaseCategory.CIVIL, blocking=True),
        Check("claimant_known", bool(claimants), blocking=True),
        Check("debtor_known", bool(participants(case, ParticipantRole.DEFENDANT)), blocking=True),
    ]


def court_order(case: Case, lang: str) -> Proposal:
    """A court order on an undisputed claim (CPC RK Chapter 11, arts. 134-143; to be reviewed)."""
    has_amount = case.claim_amount is not None and case.claim_amount > 0
    checks = [
        *_civil_basics(case),
        Check("amount_stated", has_amount, blocking=True),
        Check("documents_attached", case.documents.exists(), blocking=True),
        Check("not_decided", case.status in EARLY_STATUSES, blocking=True),
        Check("verify_claim_listed", None),
        Check("verify_undisputed", None),
        Check("verify_debtor_address", None),
        Check("verify_fee_paid", None),
        Check("verify_amount_matches", None),
    ]
    articles = _texts(lang, "АПК 135, 139, 140-баптарында", "статьями 135, 139, 140 ГПК")
    values = {
        "claim_basis": case.subject,
        "articles": articles,
        "reasoning": _texts(
            lang,
            "Борышкердің талапқа қарсылығы туралы мәлімет жоқ; құжаттар талапты растайды.",
            "Сведений о возражениях должника против требования нет; документы подтверждают требование.",
        ),
    }
    return Proposal("court_order", ActKind.COURT_ORDER, checks, values, COURT_ORDER_ARTICLES)


def return_of_claim(case: Case, lang: str) -> Proposal:
    """Return of a statement of claim (CPC RK art. 152; to be reviewed)."""
    checks = [
        *_civil_basics(case)[:2],
        Check(
            "not_decided", case.status in {CaseStatus.FILED, CaseStatus.REGISTERED}, blocking=True
        ),
        Check("verify_return_ground", None),
    ]
    values = {
        "facts": _texts(
            lang,
            "Талапкер {subject} туралы талап арыз берді.",
            "Истец обратился с иском о {subject}.",
        ).replace("{subject}", case.subject or "[…]"),
        "reasoning": _texts(
            lang,
            "Талап арыз АПК 152-бабында көзделген негіз бойынша қайтарылуға жатады: […].",
            "Исковое заявление подлежит возврату по основанию, предусмотренному статьёй 152 ГПК: […].",
        ),
        "articles": _texts(lang, "АПК 152-бабын", "статьёй 152 ГПК"),
        "operative": _texts(
            lang,
            "Талап арыз талапкерге қайтарылсын. Қайтару кемшілік жойылғаннан кейін қайта жүгінуге кедергі келтірмейді.",
            "Исковое заявление возвратить истцу. Возврат не препятствует повторному обращению после устранения недостатков.",
        ),
        "appeal": _texts(
            lang,
            "Ұйғарымға он жұмыс күні ішінде жеке шағым берілуі мүмкін.",
            "На определение может быть подана частная жалоба в течение десяти рабочих дней.",
        ),
    }
    return Proposal("return_of_claim", ActKind.RULING, checks, values, ["CPC RK art. 152"])


def travel_ban(case: Case, lang: str) -> Proposal:
    """Temporary restriction on a debtor leaving Kazakhstan (to be reviewed)."""
    checks = [
        *_civil_basics(case),
        Check(
            "debt_in_enforcement",
            case.status in {CaseStatus.IN_FORCE, CaseStatus.ENFORCEMENT},
            blocking=True,
        ),
        Check("verify_debtor_evades", None),
        Check("verify_amount_matches", None),
    ]
    values = {
        "facts": _texts(
            lang,
            "Борышкер {defendant} сот актісімен белгіленген {amount} теңге берешекті өтемеді.",
            "Должник {defendant} не погасил задолженность в размере {amount} тенге, установленную судебным актом.",
        ),
        "reasoning": _texts(
            lang,
            "Борышкер орындау құжатының талаптарын дәлелді себепсіз орындамай отыр.",
            "Должник без уважительных причин не исполняет требования исполнительного документа.",
        ),
        "articles": _texts(
            lang,
            "«Атқарушылық іс жүргізу туралы» Заңның 33-бабын",
            "статьёй 33 Закона «Об исполнительном производстве»",
        ),
        "operative": _texts(
            lang,
            "Борышкер {defendant} Қазақстан Республикасынан шығуына берешек өтелгенге дейін уақытша шектеу қойылсын.",
            "Временно ограничить выезд должника {defendant} из Республики Казахстан до погашения задолженности.",
        ),
        "appeal": _texts(
            lang,
            "Ұйғарымға он жұмыс күні ішінде жеке шағым берілуі мүмкін.",
            "На определение может быть подана частная жалоба в течение десяти рабочих дней.",
        ),
    }
    return Proposal("travel_ban", ActKind.RULING, checks, values, ["Enforcement Law art. 33"])


def custody_sanction(case: Case, lang: str) -> Proposal:
    """Sanction of detention in custody by an investigating judge (CrPC RK arts. 147-148; to be reviewed)."""
    accused = participants(case, ParticipantRole.ACCUSED)
    checks = [
        Check("criminal_case", case.category == CaseCategory.CRIMINAL, blocking=True),
        Check("accused_known", bool(accused), blocking=True),
        Check("article_recorded", bool(case.article), blocking=True),
        Check("verify_grave_offence", None),
        Check("verify_grounds", None),
        Check("verify_circumstances", None),
        Check("verify_deadline", None),
    ]
    article = case.article or "[…]"
    values = {
        "prosecution_body": _texts(
            lang, "қылмыстық қудалау органының", "органа уголовного преследования"
        ),
        "facts": _texts(
            lang,
            f"{{defendant}} ҚК {article}-бабында көзделген қылмыстық құқық бұзушылық жасады деп күдіктенеді.",
            f"{{defendant}} подозревается в совершении уголовного правонарушения, предусмотренного статьёй {article} УК.",
        ),
        "reasoning": _texts(
            lang,
            "Материалдар бұлтартпау шарасын қолдану үшін негіздердің бар екенін растайды.",
            "Материалы подтверждают наличие оснований для применения меры пресечения.",
        ),
        "articles": _texts(lang, "ҚПК 136, 147, 148-баптарын", "статьями 136, 147, 148 УПК"),
        "operative": _texts(
            lang,
            "{defendant} қатысты екі ай мерзімге күзетпен ұстау түріндегі бұлтартпау шарасына санкция берілсін.",
            "Санкционировать меру пресечения в виде содержания под стражей в отношении {defendant} сроком на два месяца.",
        ),
        "appeal": _texts(
            lang,
            "Қаулыға үш тәулік ішінде шағым берілуі немесе наразылық келтірілуі мүмкін.",
            "Постановление может быть обжаловано или опротестовано в течение трёх суток.",
        ),
    }
    return Proposal(
        "custody_sanction",
        ActKind.SANCTION,
        checks,
        values,
        ["CrPC RK art. 147", "CrPC RK art. 148"],
    )


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule(
            "court_order",
            ActKind.COURT_ORDER,
            CaseCategory.CIVIL,
            _("Court order on an undisputed claim"),
            court_order,
        ),
        Rule(
            "return_of_claim",
            ActKind.RULING,
            CaseCategory.CIVIL,
            _("Return of a statement of claim"),
            return_of_claim,
        ),
        Rule(
            "travel_ban",
            ActKind.RULING,
            CaseCategory.CIVIL,
            _("Temporary ban on the debtor leaving the country"),
            travel_ban,
        ),
        Rule(
            "custody_sanction",
            ActKind.SANCTION,
            CaseCategory.CRIMINAL,
            _("Sanction of detention in custody"),
            custody_sanction,
        ),
    )
}


def rule_get(code: str) -> Rule | None:
    return RULES.get(code)


def rules_for(case: Case) -> list[Rule]:
    return [rule for rule in RULES.values() if rule.category == case.category]
