"""Names as the search compares them: case and accents folded ("Zielińska" -> "zielinska").

One function for every writer of ``requests.subject_name_folded`` and for the search text, so
what is typed and what is stored are folded the same way.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters that do not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th",
                          "ı": "i", "ħ": "h"})


@lru_cache(maxsize=4096)  # bulk loads fold the same few thousand names over and over
def fold(text: str) -> str:
    """Lower case without accents: what a person types when they cannot type the accent."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
