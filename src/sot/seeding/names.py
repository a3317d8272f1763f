"""Names for synthetic people and organisations: Kazakh and Russian, by gender.

Kazakh names carry the Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і); surnames are built from a
father's or grandfather's name (Нұрлан → Нұрланов / Нұрланова), and patronymics come in both the
modern Kazakh form (Нұрланұлы / Нұрланқызы) and the Russified one (Нұрланович / Нұрлановна).
Russian names use the Russian declension of surnames (Иванов / Иванова, Ильин / Ильина) and of
patronymics (Сергеевич / Сергеевна). A few gender-invariant surnames (Ким, Шевченко) stand for the
country's other communities.
"""

from __future__ import annotations

import random

# Share of people by naming tradition; the rest carry gender-invariant surnames.
KAZAKH_SHARE = 0.70
RUSSIAN_SHARE = 0.24


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


KK_MALE = _words(
    "Нұрлан Ержан Асхат Дәурен Бауыржан Қайрат Серік Ерлан Марат Талғат Арман Азамат Нұрсұлтан "
    "Әлихан Жандос Бекзат Ерболат Мұрат Ғалым Асқар Жанболат Рүстем Дархан Айдос Самат Ермек "
    "Болат Ерік Нұржан Мейрам Қанат Ақылбек Әділет Бақыт Ернар Сұлтан Темірлан Алмас Саян Данияр "
    "Жасұлан Мақсат Нұрбол Олжас Руслан Тимур Ілияс Әбілқайыр Ерасыл Абылай Қуаныш Берік Жомарт"
)
KK_FEMALE = _words(
    "Айгүл Гүлнар Жанар Әсел Динара Сәуле Мадина Айжан Ақмарал Гүлмира Назерке Аружан Жансая "
    "Айнұр Бибігүл Салтанат Меруерт Ақерке Алия Дана Томирис Гүлжан Жұлдыз Айым Әйгерім Балжан "
    "Ботагөз Даметкен Жазира Зарина Индира Камила Ләззат Мөлдір Нәзира Перизат Раушан Сабина "
    "Самал Талшын Толқын Ұлжан Фариза Шынар Эльмира Іңкәр Гаухар Арайлым Камшат Мариям Нұргүл"
)
# Fathers' names that take the -ов / -ұлы endings cleanly; Kazakh surnames are built from them.
KK_SURNAME_ROOTS = _words(
    "Нұрлан Серікбай Ахмет Жұмабай Омар Сейіт Тоқтар Әбен Қасым Байжан Сүлеймен Ермек Мұқан "
    "Бекмұхамбет Исабек Тұрсын Жақсыбек Әлім Қали Оспан Есен Нұрмахан Мырзахмет Садық Жүніс "
    "Тілеубай Кәрім Бейсен Ыбырай Құдайберген Абдрахман Сәрсен Үсен Шәкір Әміржан Рахым Жанұзақ "
    "Мамыр Досан Байтұрсын Ілияс Темірбек Сапар Қожахмет Ержан Асылбек Әуез Мұсабек Жолдас"
)
KK_FATHER_NAMES = _words(
    "Нұрлан Ержан Асхат Дәурен Бауыржан Қайрат Серік Ерлан Марат Талғат Арман Азамат Болат "
    "Ерік Нұржан Мейрам Қанат Бақыт Сұлтан Мақсат Ермек Берік Жомарт Асқар Мұрат Ғалым Самат"
)

RU_MALE = _words(
    "Александр Сергей Дмитрий Андрей Алексей Владимир Игорь Евгений Николай Михаил Виктор Олег "
    "Павел Юрий Максим Константин Денис Артём Роман Иван Вадим Геннадий Станислав Антон Кирилл"
)
RU_FEMALE = _words(
    "Елена Ольга Татьяна Наталья Ирина Светлана Анна Марина Екатерина Юлия Людмила Галина "
    "Оксана Надежда Валентина Мария Виктория Анастасия Дарья Ксения Алина Вера Любовь Полина"
)
RU_SURNAMES_MALE = _words(
    "Иванов Петров Смирнов Кузнецов Попов Васильев Соколов Михайлов Новиков Фёдоров Морозов "
    "Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев "
    "Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев "
    "Кузьмин Фролов Белов Ильин Гусев Титов Киселёв Дмитриев Калинин Ефимов Тарасов Жуков Носков"
)
# Father's name → the patronymic stem: + "ич" for men, + "на" for women.
RU_PATRONYMIC_STEMS = {
    "Александр": "Александров",
    "Сергей": "Сергеев",
    "Дмитрий": "Дмитриев",
    "Андрей": "Андреев",
    "Алексей": "Алексеев",
    "Владимир": "Владимиров",
    "Игорь": "Игорев",
    "Евгений": "Евгеньев",
    "Николай": "Николаев",
    "Михаил": "Михайлов",
    "Виктор": "Викторов",
    "Олег": "Олегов",
    "Павел": "Павлов",
    "Юрий": "Юрьев",
    "Анатолий": "Анатольев",
    "Геннадий": "Геннадьев",
    "Василий": "Васильев",
    "Пётр": "Петров",
    "Валерий": "Валерьев",
    "Борис": "Борисов",
}
# Surnames the same for men and women (Korean, Ukrainian, German).
INVARIANT_SURNAMES = _words(
    "Ким Пак Ли Цой Тен Шевченко Ковальчук Бондаренко Ткаченко Шмидт Вагнер"
)
# Uzbek, Uyghur, Azerbaijani and Tatar surnames: declined like Russian ones.
OTHER_SURNAMES = _words("Мамедов Юсупов Хасанов Алиев Исмаилов Рахимов Абдуллаев Каримов Сабиров")


def _feminine(surname: str) -> str:
    """Ахметов → Ахметова, Ильин → Ильина, Серікбаев → Серікбаева, Нұрланұлы unchanged."""
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    return surname


def _kk_surname_male(root: str) -> str:
    if root.endswith(("ай", "ей")):
        return root[:-1] + "ев"
    if root[-1] in "аеәиоөұүуыі":
        return root + "ев"
    return root + "ов"


def _kk_patronymic(father: str, is_female: bool, modern: bool) -> str:
    if modern:
        return father + ("қызы" if is_female else "ұлы")
    return father + ("овна" if is_female else "ович")


def person_name(rng: random.Random, is_female: bool) -> tuple[str, str, str]:
    """A (surname, given name, patronymic) triple in one of the country's naming traditions."""
    roll = rng.random()
    if roll < KAZAKH_SHARE:
        given = rng.choice(KK_FEMALE if is_female else KK_MALE)
        root = rng.choice(KK_SURNAME_ROOTS)
        # One in ten Kazakhs uses the new-style surname (Нұрланұлы) instead of -ов.
        if rng.random() < 0.1:
            surname = root + ("қызы" if is_female else "ұлы")
        else:
            surname = _kk_surname_male(root)
            if is_female:
                surname = _feminine(surname)
        father = rng.choice(KK_FATHER_NAMES)
        return surname, given, _kk_patronymic(father, is_female, modern=rng.random() < 0.45)
    given = rng.choice(RU_FEMALE if is_female else RU_MALE)
    if roll < KAZAKH_SHARE + RUSSIAN_SHARE:
        surname = rng.choice(RU_SURNAMES_MALE)
    elif roll < KAZAKH_SHARE + RUSSIAN_SHARE + 0.03:
        surname = rng.choice(INVARIANT_SURNAMES)
    else:
        surname = rng.choice(OTHER_SURNAMES)
    if is_female:
        surname = _feminine(surname)
    stem = rng.choice(_RU_STEMS)
    return surname, given, stem + ("на" if is_female else "ич")


_RU_STEMS = tuple(RU_PATRONYMIC_STEMS.values())


def full_name(parts: tuple[str, str, str]) -> str:
    """Kazakh usage: surname, given name, patronymic."""
    return " ".join(part for part in parts if part)


# Organisations: a name root, a sector word and a legal form.
_ORG_ROOTS_KK = _words(
    "Астана Алатау Сарыарқа Жетісу Атамекен Байтерек Қазына Тұран Ақжол Көктем Береке Алтын "
    "Самұрық Ұлытау Арқа Каспий Ертіс Сырдария Орда Нұр Шапағат Дала Таңшолпан Ақмешіт Мұнай"
)
_ORG_SECTORS_KK = _words(
    "Құрылыс Сауда Энерго Агро Транс Логистика Инвест Сервис Фарм Медиа Тех Строй Газ Металл"
)
# (kk form, ru form) of each legal form.
_LEGAL_FORMS = (
    ("ЖШС", "ТОО"),
    ("ЖШС", "ТОО"),
    ("ЖШС", "ТОО"),
    ("АҚ", "АО"),
    ("ЖК", "ИП"),
    ("КЕАҚ", "НАО"),
)
_TRANSLIT_KK_RU = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")

# Lenders and collectors file a large share of civil claims: a few names recur a lot.
BANK_NAMES = (
    "«Береке Банк» АҚ",
    "«Алтын Қазына Банк» АҚ",
    "«Дала Кредит» МҚҰ ЖШС",
    "«Сарыарқа Финанс» МҚҰ ЖШС",
    "«Тұран Коллекшн» ЖШС",
    "«Астана Капитал Банк» АҚ",
    "«Жетісу Микрокредит» МҚҰ ЖШС",
)
# State bodies that are defendants in public-law disputes and file offence protocols.
STATE_BODY_TEMPLATES = (
    "{region} бойынша Мемлекеттік кірістер департаменті",
    "{region} Полиция департаменті",
    "{region} әкімдігі",
    "{region} бойынша Жер қатынастары басқармасы",
    "{region} бойынша Еңбек инспекциясы басқармасы",
    "{region} бойынша Санитариялық-эпидемиологиялық бақылау департаменті",
    "{region} бойынша Сот актілерін орындау департаменті",
    "{region} бойынша Экология департаменті",
)


def organisation_name(rng: random.Random) -> str:
    """A synthetic company name in Kazakh or Russian word order."""
    root = rng.choice(_ORG_ROOTS_KK)
    sector = rng.choice(_ORG_SECTORS_KK)
    kk_form, ru_form = rng.choice(_LEGAL_FORMS)
    name = f"{root} {sector}" if rng.random() < 0.8 else root
    if rng.random() < 0.5:
        return f"«{name}» {kk_form}"
    return f"{ru_form} «{name.translate(_TRANSLIT_KK_RU)}»"


def state_body_names(region_name: str) -> list[str]:
    """The state bodies of one region, in Kazakh."""
    return [template.format(region=region_name) for template in STATE_BODY_TEMPLATES]
