"""Province names as analysts type them: one folding function, and the keys built on it.

:func:`fold` is the one place diacritics, đ, case and punctuation are folded; matching keys
(:func:`normalize_name`), search keys (:func:`search_key`) and slugs (:func:`slugify`) all start from it.
"""
from __future__ import annotations

import re

from unidecode import unidecode

# repeated, as a pasted title can stack them ("Tỉnh TP. Hà Nội")
_PREFIX = re.compile(r"^((thanh pho|tp|t p|tinh)\s+)+")


def fold(text) -> str:
    """Lower-case ASCII words of ``text``: diacritics and đ folded, punctuation turned into single spaces.

    >>> fold("Thừa Thiên - Huế"), fold("TP. Hồ Chí Minh")
    ('thua thien hue', 'tp ho chi minh')
    """
    return re.sub(r"[^a-z0-9]+", " ", unidecode(str(text)).lower()).strip()


def normalize_name(text: str) -> str:
    """Reduce a province name to a matching key: ASCII, lower case, no prefix, no spaces.

    >>> normalize_name("TP. Hồ Chí Minh")
    'hochiminh'
    >>> normalize_name("Tỉnh Thừa Thiên - Huế")
    'thuathienhue'
    >>> normalize_name("thanh pho Da Nang"), normalize_name("Tỉnh TP. Hà Nội")
    ('danang', 'hanoi')
    """
    s = _PREFIX.sub("", fold(text))
    if s.isdigit():
        return s.zfill(2)
    return s.replace(" ", "")


def slugify(text: str) -> str:
    """URL-safe slug of a name.

    >>> slugify("Bà Rịa - Vũng Tàu")
    'ba-ria-vung-tau'
    """
    return fold(text).replace(" ", "-")


def search_key(*names: str) -> str:
    """The text an index search matches against: every name folded, joined by spaces.

    >>> search_key("Thừa Thiên - Huế", "46")
    'thua thien hue 46'
    """
    return " ".join(fold(n) for n in names if n)
