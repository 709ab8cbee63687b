"""Province names as analysts type them: one folding function for matching, and slugs for file names."""
from __future__ import annotations

import re

from unidecode import unidecode

_PREFIX = re.compile(r"^(thanh pho|tp|t p|tinh)\s+")


def normalize_name(text: str) -> str:
    """Reduce a province name to a matching key: ASCII, lower case, no prefix, no spaces.

    >>> normalize_name("TP. Hồ Chí Minh")
    'hochiminh'
    >>> normalize_name("Tỉnh Thừa Thiên - Huế")
    'thuathienhue'
    >>> normalize_name("thanh pho Da Nang")
    'danang'
    """
    s = unidecode(str(text)).lower()
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    s = _PREFIX.sub("", s)
    if s.isdigit():
        return s.zfill(2)
    return s.replace(" ", "")


def slugify(text: str) -> str:
    """URL-safe slug of a name.

    >>> slugify("Bà Rịa - Vũng Tàu")
    'ba-ria-vung-tau'
    """
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")
