import pytest

from sot.search.analysis import analyze, to_cyrillic, to_latin

SENTENCES = [
    ("Талапкердің талаптары қанағаттандырылсын.", "Talapkerdiñ talaptarı qanağattandırılsın."),
    ("Сот шешімі заңды күшіне енді.", "Sot şeşimi zañdı küşine endi."),
    ("Жауапкер өтінішін ұсынды.", "Jauapker ötinişin ūsındı."),
    ("Үкім бойынша іс тоқтатылды.", "Ükim boyınşa is toqtatıldı."),
]


@pytest.mark.parametrize(("cyrillic", "latin"), SENTENCES)
def test_cyrillic_to_latin_follows_the_2021_alphabet(cyrillic, latin):
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize(("cyrillic", "latin"), SENTENCES)
def test_latin_back_to_cyrillic(cyrillic, latin):
    assert to_cyrillic(to_latin(cyrillic)) == cyrillic


def test_sh_and_ch_digraphs_are_accepted():
    assert to_cyrillic("sheshim chek") == "шешім чек"
    assert to_cyrillic("Sheshim") == "Шешім"


@pytest.mark.parametrize(("cyrillic", "latin"), SENTENCES)
def test_latin_text_gives_the_cyrillic_terms(cyrillic, latin):
    assert analyze(latin, "kk") == analyze(cyrillic, "kk")
    assert analyze(latin) == analyze(cyrillic)  # detected as Kazakh by ñ, ş, ı, ū…


def test_plain_ascii_kazakh_query_with_digraphs():
    assert analyze("talapkerdin talaptaryn", "kk") != analyze("талапкердің талаптарын", "kk")
    assert analyze("sheshimderin", "kk") == analyze("шешімдерін", "kk") == ["шешім"]
