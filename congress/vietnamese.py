"""Vietnamese text: the ballot order of people's names and accent-free folding for search.

`name_sort_key` returns a key made of ASCII digits only, so that plain string comparison
(Python, SQLite's BINARY, and any PostgreSQL collation alike) gives the Vietnamese order.
"""

from __future__ import annotations

import re
import unicodedata

# The Vietnamese alphabet, with the Latin letters it lacks (f, j, w, z) placed where Latin puts them.
ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]

# Tone marks (combining characters after NFD) and their rank: no mark, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a different letter: breve (ă), circumflex (â ê ô), horn (ơ ư).
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}

# Two-digit codes: 01 separates words inside a part, 02-11 are digits, letters follow.
_WORD_GAP = "01"
_CODES = {str(d): f"{2 + d:02d}" for d in range(10)}
_CODES.update({letter: f"{12 + i:02d}" for i, letter in enumerate(ALPHABET)})
_END_OF_LETTERS = "00"  # below every code: "An" sorts before "Anh"

_SPACES = re.compile(r"\s+")


def _fix_d(text: str) -> str:
    """Typed or OCR'd names sometimes carry the Icelandic eth (Ð/ð) for đ; treat it as đ."""
    return text.replace("ð", "đ").replace("Ð", "đ")


def _letters_and_tones(word: str) -> tuple[list[str], int]:
    """Split one word into its Vietnamese letters (lower case, tone removed) and its tone rank."""
    letters: list[str] = []
    tone = 0
    for char in unicodedata.normalize("NFD", _fix_d(word.lower())):
        if char in _TONES:
            tone = _TONES[char]
        elif char in _LETTER_MARKS:
            if letters:
                letters[-1] = unicodedata.normalize("NFC", letters[-1] + char)
        elif unicodedata.combining(char):
            continue
        else:
            letters.append(char)
    return letters, tone


def _part_key(words: list[str]) -> str:
    primary: list[str] = []
    tones: list[str] = []
    for index, word in enumerate(words):
        letters, tone = _letters_and_tones(word)
        if index:
            primary.append(_WORD_GAP)
        primary.extend(_CODES[letter] for letter in letters if letter in _CODES)
        tones.append(str(tone))
    # Tones come after all letters of the part: they only decide between equal spellings.
    return "".join(primary) + _END_OF_LETTERS + "".join(tones)


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given) of a Vietnamese full name; a one-word name is a given name."""
    words = _SPACES.split(unicodedata.normalize("NFC", full_name).strip())
    words = [w for w in words if w]
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def name_sort_key(full_name: str) -> str:
    """Key ordering people as a Vietnamese ballot does: given name, family name, middle name."""
    family, middle, given = split_name(full_name)
    parts = [given.split(), family.split(), middle.split()]
    return "0".join(_part_key(words) for words in parts)


def fold(text: str) -> str:
    """Lower case, no tones or marks, đ → d, whitespace collapsed ("Nguyễn Văn Đạt" → "nguyen van dat")."""
    decomposed = unicodedata.normalize("NFD", _fix_d(text.lower()))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("đ", "d").replace("Đ", "d")
    return _SPACES.sub(" ", stripped).strip()


def slugify_vi(text: str) -> str:
    """A URL slug that keeps đ as d (Django's slugify drops it: "Ba Đình" → "ba-inh")."""
    from django.utils.text import slugify

    return slugify(fold(text))
