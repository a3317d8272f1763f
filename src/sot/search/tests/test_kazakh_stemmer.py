import pytest

from sot.search.analysis.kazakh import stem

# Each family: every form must give one stem.
FAMILIES = [
    ("талап", "талапкер", "талапкердің", "талаптарын", "талабы", "талаптары", "талапкерлерінің"),
    ("талапкерлер", "талапкерлерге", "талапкерге", "талапкерді"),
    ("сот", "соттың", "соттар", "соттарға", "сотта", "соты", "сотына", "соттағы", "соттардың"),
    ("шешім", "шешімі", "шешімдер", "шешімдерін", "шешімге", "шешімін", "шешімнің"),
    ("іс", "істің", "істер", "істерді", "ісі", "ісін", "іске", "істе"),
    ("жауапкер", "жауапкердің", "жауапкерге", "жауапкерлер"),
    ("үкім", "үкімі", "үкімдер", "үкімнің", "үкімге"),
    ("заң", "заңның", "заңдар", "заңға", "заңгер"),
    ("өтініш", "өтініштер", "өтінішті", "өтініші", "өтінішке"),
    ("келісім", "келісімі", "келісімдер", "келісімге"),
    ("бала", "баланың", "балалар", "балаға", "баласы", "баласына", "баланы"),
    ("құқық", "құқығы", "құқықтар", "құқықтарын", "құқыққа"),
    ("мерзім", "мерзімі", "мерзімдер", "мерзімде", "мерзімнен"),
    ("үй", "үйі", "үйлер", "үйде", "үйден"),
    ("тарап", "тараптар", "тараптардың", "тарапқа", "тарабы"),
    ("азамат", "азаматтың", "азаматтар", "азаматқа", "азаматтардың", "азаматпен"),
    ("дәлел", "дәлелдер", "дәлелдерді", "дәлелге", "дәлелі", "дәлелмен"),
    ("қылмыс", "қылмыстың", "қылмыстар", "қылмысқа", "қылмыстан"),
    ("судья", "судьяның", "судьялар", "судьяға"),
    ("сұрақ", "сұрағы", "сұрақтар", "сұраққа"),
    ("куәгер", "куәгердің", "куәгерлер"),
    ("мүлік", "мүлікті", "мүліктің", "мүліктер"),
    ("қазақстан", "қазақстанның", "қазақстанда", "қазақстаннан"),  # -стан is not the ablative
    ("алматы", "алматыда", "алматының", "алматыға"),  # protected: final -ы is the root's
]


@pytest.mark.parametrize("family", FAMILIES, ids=[f[0] for f in FAMILIES])
def test_every_form_of_a_family_has_one_stem(family):
    assert {word: stem(word) for word in family} == dict.fromkeys(family, stem(family[0]))


def test_agent_suffix_joins_claim_and_claimant():
    assert stem("талапкер") == stem("талап") == "талап"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("келісім", "келісімшарт"),  # a compound is its own word
        ("сот", "сөз"),
        ("алты", "алт"),  # numeral, not алт + possessive
        ("кісі", "кіс"),
        ("сана", "са"),  # -на only after a possessive
        ("дала", "д"),  # the stem would be too short
        ("ата", "а"),
        ("қала", "қал"),
        ("орын", "ор"),  # ends like -ын, but is a root
        ("үшін", "үш"),
        ("шешім", "шеш"),  # 1st person -ім is not stripped: it ends deverbal nouns
        ("заң", "за"),  # nor -ң
        ("іс", "ісші"),
        ("жұмыс", "жұмысшы"),  # -шы is kept
        ("заң", "заңдылық"),  # -лық is kept
    ],
)
def test_unrelated_words_do_not_conflate(one, other):
    assert stem(one) != stem(other)


def test_harmony_blocks_a_front_suffix_on_a_back_stem():
    # "сотте" is not Kazakh (back stem takes -та); the stemmer must not treat -те as locative here.
    assert stem("сотте") == "сотте"
    assert stem("сотта") == "сот"


def test_assimilation_blocks_a_voiceless_suffix_after_a_vowel():
    assert stem("балата") == "балата"  # -та only after a voiceless consonant
    assert stem("балада") == "бала"


def test_short_stems_are_protected():
    assert stem("ісі") == "іс"
    assert stem("ата") == "ата"  # -та would leave one letter
    assert stem("оны") == "оны"  # pronoun, listed as protected: он is "ten"
