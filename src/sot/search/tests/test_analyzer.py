from sot.search.analysis import Token, analyze, analyze_query, tokens
from sot.search.analysis.normalize import normalize


def test_normalisation_folds_case_yo_and_compatibility_forms():
    assert normalize("ЁЛКА Ｓｏｔ ﬁle") == "елка sot file"
    assert normalize("Ә") == "ә"


def test_article_references_keep_numbers_as_tokens():
    assert analyze("ст. 188 ч. 2 УК", "ru") == ["ст", "188", "ч", "2", "ук"]
    assert analyze("ст.188ч.2", "ru") == ["ст", "188", "ч", "2"]
    assert analyze("188-бабының 2-бөлігі", "kk") == ["188", "бап", "2", "бөлік"]


def test_russian_words_become_lemmas():
    assert analyze("Суды удовлетворили исковые требования истцов", "ru") == [
        "суд",
        "удовлетворить",
        "исковый",
        "требование",
        "истец",
    ]
    assert analyze("решения") == analyze("решение") == analyze("решением")


def test_yo_and_e_index_the_same():
    assert analyze("всё учтено", "ru") == analyze("все учтено", "ru")


def test_kazakh_forms_share_terms_for_indexing_and_querying():
    assert analyze("Талапкердің талаптарын") == ["талап", "талап"]
    assert analyze("соттарға") == analyze("сот", "kk")


def test_kazakh_word_in_a_russian_text_is_stemmed_as_kazakh():
    assert analyze("в соответствии с решением, шешімдерін", "ru")[-1] == "шешім"


def test_tokens_carry_positions_and_spans():
    text = "Сот шешімі"
    assert tokens(text) == [Token("сот", 0, 0, 3), Token("шешім", 1, 4, 10)]
    assert [text[t.start : t.end] for t in tokens(text)] == ["Сот", "шешімі"]


def test_query_of_unknown_language_tries_both_readings():
    (term,) = analyze_query("прокурора")
    assert {"прокурор", "прокурора"} <= term.alternatives
    (latin,) = analyze_query("sheshimi")
    assert "шешім" in latin.alternatives


def test_query_of_known_language_has_one_reading():
    terms = analyze_query("Сот шешімдерін")
    assert [t.alternatives for t in terms] == [frozenset({"сот"}), frozenset({"шешім"})]
    assert [t.position for t in terms] == [0, 1]


def test_dictionary_is_loaded_once_and_lemmas_are_cached():
    from sot.search.analysis import russian

    assert russian._morph() is russian._morph()
    russian.lemma("исками")
    hits = russian.lemma.cache_info().hits
    russian.lemma("исками")
    assert russian.lemma.cache_info().hits == hits + 1
