"""A starter set of postponement reasons and suspension grounds, for a court administrator to review.

Postponement: Civil Procedure Code of the Republic of Kazakhstan (ГПК РК), article 198 (adjourning
the hearing of a case); suspension: articles 272 (the court must suspend) and 273 (the court may
suspend). Whether a reason counts as justified is the Situational Center's question: a reason
caused by the court's own organisation (a busy judge, a notice not sent, a failed video link) is
not justified; one caused by the parties or by law is.
"""

from django.db import migrations

CPC_POSTPONE = "ГПК РК, ст. 198"

# code, kk, ru, en, is_justified, requires_proof
REASONS = (
    (
        "party_illness",
        "Тараптың ауруы (растайтын құжатпен)",
        "Болезнь стороны (подтверждённая документом)",
        "Illness of a party, with proof",
        True,
        True,
    ),
    (
        "notice_not_served",
        "Тараптың келмеуі: хабарлама табыс етілмеген",
        "Неявка стороны, не извещённой о заседании",
        "A party absent without the notice being served",
        True,
        False,
    ),
    (
        "judge_illness",
        "Судьяның ауруы",
        "Болезнь судьи",
        "Illness of the judge",
        True,
        True,
    ),
    (
        "evidence_request",
        "Тараптың дәлелдемелер ұсыну туралы өтінішхаты",
        "Ходатайство стороны о представлении доказательств",
        "A party's request to present evidence",
        True,
        False,
    ),
    (
        "witness_summons",
        "Куәні, сарапшыны немесе маманды шақыру қажеттігі",
        "Необходимость вызова свидетеля, эксперта или специалиста",
        "A witness, expert or specialist to be summoned",
        True,
        False,
    ),
    (
        "counterclaim",
        "Қарсы талап арыздың берілуі",
        "Предъявление встречного иска",
        "A counterclaim filed",
        True,
        False,
    ),
    (
        "representative",
        "Тараптың өкіл тарту туралы өтінішхаты",
        "Ходатайство стороны о привлечении представителя",
        "A party's request to engage a representative",
        True,
        False,
    ),
    (
        "settlement_talks",
        "Тараптардың татуласу үшін уақыт сұрауы",
        "Ходатайство сторон о времени для примирения",
        "The parties' request for time to settle",
        True,
        False,
    ),
    (
        "third_party",
        "Үшінші тұлғаны істі қарауға тарту",
        "Привлечение к участию в деле третьего лица",
        "A third party joined to the case",
        True,
        False,
    ),
    (
        "judge_busy",
        "Судьяның басқа сот отырысында болуы",
        "Занятость судьи в другом судебном заседании",
        "The judge busy in another hearing",
        False,
        False,
    ),
    (
        "notice_not_sent",
        "Сот хабарламаны уақытында жібермеген",
        "Судом не направлено своевременно извещение",
        "The court did not send the notice in time",
        False,
        False,
    ),
    (
        "case_file_not_ready",
        "Іс материалдарының дайын болмауы",
        "Неподготовленность материалов дела",
        "The case file not prepared",
        False,
        False,
    ),
    (
        "interpreter_not_provided",
        "Сот аудармашыны қамтамасыз етпеген",
        "Судом не обеспечено участие переводчика",
        "The court did not provide an interpreter",
        False,
        False,
    ),
    (
        "video_failure",
        "Бейнебайланыстың техникалық ақауы",
        "Технический сбой видеосвязи",
        "Technical failure of the video link",
        False,
        False,
    ),
    (
        "no_valid_reason",
        "Тараптың дәлелсіз себеппен өтінішхаты",
        "Ходатайство стороны без уважительной причины",
        "A party's request without a valid reason",
        False,
        False,
    ),
)

# code, kk, ru, en, legal_basis, is_mandatory
GROUNDS = (
    (
        "party_death",
        "Тараптың қайтыс болуы (құқықтық мирасқорлыққа жол берілсе)",
        "Смерть стороны, если правоотношение допускает правопреемство",
        "Death of a party where the relationship allows succession",
        "ГПК РК, ст. 272",
        True,
    ),
    (
        "incapacity",
        "Тараптың әрекет қабілеттілігінен айырылуы",
        "Утрата стороной дееспособности",
        "A party has lost legal capacity",
        "ГПК РК, ст. 272",
        True,
    ),
    (
        "military_service",
        "Тараптың әскери қызметте болуы",
        "Пребывание стороны на срочной военной службе",
        "A party in compulsory military service",
        "ГПК РК, ст. 272",
        True,
    ),
    (
        "related_case",
        "Басқа іс шешілгенге дейін істі қарау мүмкін еместігі",
        "Невозможность рассмотрения дела до разрешения другого дела",
        "The case cannot be heard until another case is decided",
        "ГПК РК, ст. 272",
        True,
    ),
    (
        "constitutional_court",
        "Конституциялық Сотқа жүгіну",
        "Обращение в Конституционный Суд",
        "A referral to the Constitutional Court",
        "ГПК РК, ст. 272",
        True,
    ),
    (
        "medical_treatment",
        "Тараптың емдеу мекемесінде болуы",
        "Нахождение стороны на лечении в медицинской организации",
        "A party in hospital",
        "ГПК РК, ст. 273",
        False,
    ),
    (
        "defendant_search",
        "Жауапкерді іздестіру",
        "Розыск ответчика",
        "A search for the defendant",
        "ГПК РК, ст. 273",
        False,
    ),
    (
        "expert_examination",
        "Сараптама тағайындау",
        "Назначение экспертизы",
        "An expert examination ordered",
        "ГПК РК, ст. 273",
        False,
    ),
    (
        "business_trip",
        "Тараптың ұзақ іссапарда болуы",
        "Нахождение стороны в длительной командировке",
        "A party on a long business trip",
        "ГПК РК, ст. 273",
        False,
    ),
    (
        "court_request",
        "Сот тапсырмасын жіберу",
        "Направление судебного поручения",
        "A letter of request sent to another court",
        "ГПК РК, ст. 273",
        False,
    ),
)


def seed(apps, schema_editor):
    reason_model = apps.get_model("hearings", "PostponementReason")
    for position, (code, kk, ru, en, justified, proof) in enumerate(REASONS, start=1):
        reason_model.objects.update_or_create(
            code=code,
            defaults={
                "name_kk": kk,
                "name_ru": ru,
                "name_en": en,
                "is_justified": justified,
                "requires_proof": proof,
                "legal_basis": CPC_POSTPONE,
                "position": position * 10,
            },
        )
    ground_model = apps.get_model("hearings", "SuspensionGround")
    for position, (code, kk, ru, en, basis, mandatory) in enumerate(GROUNDS, start=1):
        ground_model.objects.update_or_create(
            code=code,
            defaults={
                "name_kk": kk,
                "name_ru": ru,
                "name_en": en,
                "legal_basis": basis,
                "is_mandatory": mandatory,
                "position": position * 10,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("hearings", "PostponementReason").objects.filter(
        code__in=[row[0] for row in REASONS], postponements__isnull=True
    ).delete()
    apps.get_model("hearings", "SuspensionGround").objects.filter(
        code__in=[row[0] for row in GROUNDS], suspensions__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("hearings", "0001_courtrooms_hearings_postponements_suspensions")]

    operations = [migrations.RunPython(seed, unseed)]
