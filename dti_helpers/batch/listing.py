"""The ``list`` command's table: the units of one set with their years of data (and, for the 34, their
former provinces), in the user's language.
"""
from __future__ import annotations

from dti_helpers.analysis.lineage import predecessor_names
from dti_helpers.analysis.province import years_with_data
from dti_helpers.core.labels import t


def list_provinces(data, lang: str = "en") -> str:
    """The table of ``data``'s unit set: code, slug, name, region, years with published data; for the 34,
    also each unit's former provinces.

    Regions are named in ``lang``, as ``--region`` accepts them.

    >>> from dti_helpers import load_dti
    >>> print(list_provinces(load_dti()).splitlines()[2])
    01    ha-noi                TP. Hà Nội                Red River Delta                 2020, 2021, 2022, 2023, 2024
    >>> print(list_provinces(load_dti().for_units("34"), "vi").splitlines()[12])
    24    bac-ninh              Bắc Ninh                  Trung du và miền núi phía Bắc        -                    Bắc Giang, Bắc Ninh
    """
    former = data.units == "34"
    keys = ("code", "name", "region", "years") + (("former",) if former else ())
    head = [t(f"cli_col_{key}", lang) for key in keys]
    regions = {r: data.catalogue.region_name(r, lang) for r in data.catalogue.regions.index}
    region_width = max(len(name) for name in (*regions.values(), head[2]))
    years_width = 20 if former else 0
    lines = [(_row(head[0], "slug", head[1], head[2], head[3], region_width, years_width)
              + (head[4] if former else "")).rstrip()]
    lines.append("-" * (len(lines[0]) if former else len(_row("", "", "", "", "", region_width, 28))))
    for code, row in data.provinces.iterrows():
        years = ", ".join(map(str, years_with_data(data, code))) or ("-" if former else "")
        line = _row(code, row["slug"], row["name"], regions[row["region"]], years, region_width, years_width)
        if former:
            line += ", ".join(predecessor_names(data, code))
        lines.append(line.rstrip())
    return "\n".join(lines)


def _row(code, slug, name, region, years, region_width: int, years_width: int) -> str:
    return f"{code:<5} {slug:<21} {name:<25} {region:<{region_width}} {years:<{years_width}} "
