"""A Kazakh stemmer: strips inflectional suffixes (and the agent suffix -кер/-гер) from the end.

A noun is read as stem + [-кер] + [plural] + [possessive] + [case]; one suffix is removed per layer,
outermost first. A suffix is removed only if its vowel agrees with the stem's last vowel (harmony),
its first consonant fits the stem's last sound (assimilation), and the stem left is long enough.
"""

import functools
from dataclasses import dataclass

BACK_VOWELS = frozenset("аоұы")
FRONT_VOWELS = frozenset("әеөүі")
VOWELS = BACK_VOWELS | FRONT_VOWELS | frozenset("уиэюяё")
VOICELESS = frozenset("пкқтсшщфхцчһ")
SONORANT_FINAL = frozenset("мнң")  # after these: -ның, -нан, -мен

# Words that merely end like a suffix; stripping them would join unrelated words. They are also
# floors: an inflected form that starts with one is never cut shorter than it (алматыда → алматы).
PROTECTED = frozenset(
    {
        *("орын", "бұрын", "кейін", "үшін", "бүгін", "жиын", "қиын", "тиын", "келін", "түйін"),
        *("екі", "алты", "жеті", "сексен", "тоқсан", "кісі", "ақы", "қазы", "тағы", "әлі"),
        *("осы", "оны", "мұны", "соны", "бойынша", "туралы", "басқа", "сияқты", "арқылы"),
        *("жоғары", "төмен", "ерте", "кеше", "алматы", "қарағанды", "сарыағаш"),
        # Place names in -стан end like the ablative -тан.
        *("қазақстан", "түркістан", "өзбекстан", "қырғызстан", "тәжікстан", "түрікменстан"),
    }
)


@dataclass(frozen=True)
class Suffix:
    text: str
    # "V": stem ends in a vowel; "C": in a consonant; "VL": voiceless consonant;
    # "VD": vowel or voiced consonant; "N": vowel or м/н/ң; "ZJ": з/ж; "SON": vowel or sonorant
    # consonant (л м н ң р й у); "CV": voiced consonant (not a vowel); "": any.
    after: str = ""
    harmony: bool = True  # False for invariant suffixes such as -кер/-гер


def _family(after: str, *texts: str) -> tuple[Suffix, ...]:
    return tuple(Suffix(t, after) for t in texts)


# Case endings, including those that follow the 3rd-person possessive (-ы/-і/-сы/-сі + н…),
# which are listed whole so the possessive goes with them.
CASE: tuple[Suffix, ...] = (
    *_family("C", "ының", "інің", "ына", "іне", "ында", "інде", "ынан", "інен", "ымен", "імен"),
    *_family("C", "ындағы", "індегі", "ын", "ін"),
    *_family("V", "сының", "сінің", "сына", "сіне", "сында", "сінде", "сынан", "сінен"),
    *_family("V", "сымен", "сімен", "сындағы", "сіндегі", "сын", "сін"),
    *_family("N", "ның", "нің", "нан", "нен"),
    *_family("CV", "дың", "дің", "ды", "ді"),
    *_family("VL", "тың", "тің", "ты", "ті", "қа", "ке", "та", "те", "тан", "тен"),
    *_family("VL", "тағы", "тегі"),
    *_family("VD", "ға", "ге", "да", "де", "дан", "ден", "дағы", "дегі"),
    *_family("V", "ны", "ні"),
    # The instrumental does not follow harmony: азаматпен, дәлелмен.
    Suffix("мен", "SON", harmony=False),
    Suffix("бен", "ZJ", harmony=False),
    Suffix("пен", "VL", harmony=False),
)

# Possessives. The 1st/2nd person singular (-ым/-ім/-м, -ың/-ің/-ң) are left alone: they end many
# nouns built with -ым/-ім (шешім, үкім, келісім) and stems in -ң (заң), and court acts are written
# in the 3rd person.
POSSESSIVE: tuple[Suffix, ...] = (
    *_family("C", "ымыз", "іміз", "ыңыз", "іңіз", "ы", "і"),
    *_family("V", "мыз", "міз", "ңыз", "ңіз", "сы", "сі"),
)

PLURAL: tuple[Suffix, ...] = (
    *_family("SON", "лар", "лер"),
    *_family("CV", "дар", "дер"),
    *_family("VL", "тар", "тер"),
)

# Only the agent suffix -кер/-гер: talap "claim" → talapker "claimant" must meet, and its
# stems are long. -шы/-ші, -лық/-лік, -шылық are kept: they change the meaning (жұмыс/жұмысшы,
# заң/заңдылық) and end too many short native words.
DERIVATIONAL: tuple[Suffix, ...] = (
    Suffix("кер", "VL", harmony=False),
    Suffix("гер", "VD", harmony=False),
)

LAYERS = (CASE, POSSESSIVE, PLURAL, DERIVATIONAL)
# Intervocalic voicing (талап → талабы, құқық → құқығы) is undone when a vowel-initial suffix goes.
DEVOICE = {"б": "п", "г": "к", "ғ": "қ"}
MIN_STEM = 2
MIN_VOWEL_FINAL_STEM = 3


def _last_vowel(word: str) -> str | None:
    for ch in reversed(word):
        if ch in VOWELS:
            return ch
    return None


def _harmonises(stem: str, suffix: str) -> bool:
    suffix_vowel = _last_vowel(suffix)
    stem_vowel = _last_vowel(stem)
    if suffix_vowel is None or stem_vowel is None:
        return True
    if stem_vowel in BACK_VOWELS:
        return suffix_vowel not in FRONT_VOWELS
    if stem_vowel in FRONT_VOWELS:
        return suffix_vowel not in BACK_VOWELS
    return True  # у, и, loanword vowels: either series occurs


def _fits(stem: str, after: str) -> bool:
    last = stem[-1]
    is_vowel = last in VOWELS
    match after:
        case "V":
            return is_vowel
        case "C":
            return not is_vowel
        case "VL":
            return last in VOICELESS
        case "CV":
            return not is_vowel and last not in VOICELESS
        case "VD":
            return last not in VOICELESS
        case "N":
            return is_vowel or last in SONORANT_FINAL
        case "ZJ":
            return last in "зж"
        case "SON":
            return is_vowel or last in "лмнңрйу"
    return True


def _long_enough(stem: str) -> bool:
    if len(stem) < MIN_STEM or _last_vowel(stem) is None:
        return False
    return stem[-1] not in VOWELS or len(stem) >= MIN_VOWEL_FINAL_STEM


def _strip_one(word: str, layer: tuple[Suffix, ...]) -> str:
    for suffix in sorted(layer, key=lambda s: -len(s.text)):
        if not word.endswith(suffix.text):
            continue
        stem = word[: -len(suffix.text)]
        if (
            _long_enough(stem)
            and _fits(stem, suffix.after)
            and (not suffix.harmony or _harmonises(stem, suffix.text))
        ):
            if suffix.text[0] in VOWELS and stem[-1] in DEVOICE:
                stem = stem[:-1] + DEVOICE[stem[-1]]
            return stem
    return word


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Stem one normalised Cyrillic Kazakh word."""
    if word in PROTECTED:
        return word
    floor = max((root for root in PROTECTED if word.startswith(root)), key=len, default="")
    result = word
    for layer in LAYERS:
        result = _strip_one(result, layer)
    return floor if len(result) < len(floor) else result
