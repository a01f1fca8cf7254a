"""Danish slugs: 'Forældremøder på Åen' -> 'foraeldremoeder-paa-aaen'."""

from __future__ import annotations

import re
import unicodedata

DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


def danish_slug(text: str, separator: str = "-") -> str:
    text = re.sub(r"<[^>]+>", "", text).translate(DANISH).lower()
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip()
    return re.sub(r"[\s_-]+", separator, text)
