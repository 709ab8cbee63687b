"""What a country chart says beyond its marks: the tile map's abbreviations spelled out, each unit's tooltip.

A tile holds two to four letters (HNa, ĐNo, BTh, HậG): the key names each one, in the order of
its abbreviation, so a reader on paper or a phone finds a tile's province without hovering.

>>> from dti_helpers.charts import TILES_34
>>> key = tile_key(TILES_34, {"01": "TP. Hà Nội", "24": "Bắc Ninh"}, "en")
>>> key.items
(('BN', 'Bắc Ninh'), ('HN', 'TP. Hà Nội'))
>>> key.title
'Abbreviations on the map'
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd
from unidecode import unidecode

from dti_helpers.charts.theme import DOUBT_MARK
from dti_helpers.core.labels import fmt_rank, fmt_score, t
from dti_helpers.sections.parts import Part


@dataclass(frozen=True)
class TileKey(Part):
    """A titled list of (abbreviation, name) pairs, printed in ``columns`` columns.

    The pairs go to the columns in order, a list per column: on paper the columns stand side by side as
    blocks, which WeasyPrint lays out in a fraction of the time of a balanced multi-column box (the
    country section's print layout took a fifth longer with one); a screen flows them into as many
    columns as its width holds, as one list.

    >>> from dti_helpers.sections.plain import plain_text
    >>> plain_text(TileKey("Key", (("HN", "Hà Nội"),)))
    'KeyHNHà Nội'
    """

    title: str
    items: tuple
    columns: int = 6
    kind: ClassVar[str] = "tile_key"

    def _plain(self) -> str:
        return "; ".join(f"{a} {n}" for a, n in self.items)


def tile_key(tiles: Mapping, names: Mapping, lang: str, abbrev: Mapping | None = None) -> TileKey:
    """The key of a tile map: each tile's abbreviation (``abbrev`` overrides the grid's) and unit name.

    ``tiles`` is the map's grid (code -> (row, column, abbreviation)); ``names`` maps codes to
    names (a tile without a name is left out). Sorted by abbreviation as a reader spells it
    (Đ with D, diacritics after the plain letter).
    """
    shown = dict(abbrev or {})
    pairs = [(shown.get(code, abbr), str(names[code])) for code, (_, _, abbr) in tiles.items() if code in names]
    pairs.sort(key=lambda p: (unidecode(p[0]).casefold(), p[0]))
    return TileKey(t("tile_key_title", lang), tuple(pairs))


def rank_tips(co, year: int, n: int, lang: str) -> list[str]:
    """Each unit's tooltip on the country charts: name, year, rank and score as published (or "not published").

    >>> import pandas as pd
    >>> co = pd.DataFrame({"name": ["A", "B"], "rank": [3, None], "score": [0.5, None], "doubtful": [True, False]})
    >>> rank_tips(co, 2020, 63, "en")
    ['A, 2020: rank 3/63†, score 0.5000', 'B, 2020: not published']
    """
    out = []
    for r in co.itertuples():
        mark = DOUBT_MARK if r.doubtful else ""
        if pd.isna(r.rank):
            out.append(t("tip_none", lang, name=r.name, year=year))
        elif pd.isna(r.score):
            out.append(t("tip_rank", lang, name=r.name, year=year, rank=fmt_rank(int(r.rank), n, lang) + mark))
        else:
            out.append(t("tip_rank_score", lang, name=r.name, year=year, rank=fmt_rank(int(r.rank), n, lang) + mark,
                         score=fmt_score(float(r.score), lang)))
    return out


__all__ = ["TileKey", "rank_tips", "tile_key"]
