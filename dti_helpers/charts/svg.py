"""A chart's SVG made fit to sit inside an HTML page: unique ids, the page's font, a tooltip on every mark.

matplotlib writes a standalone SVG document. Inlined in a report (rather than an ``<img>``), its
``<title>`` tooltips show on hover and its text stays text (found by search, read by the PDF's
reader, sized by the page). For that the document is reworked with :mod:`xml.etree` only:

* the XML prolog, the metadata block and the global ``*{...}`` style go (the root holds its stroke
  settings, inherited);
* each ``style=""`` becomes presentation attributes (``fill="#0072b2"``) where it can;
* every id gets the chart's own prefix, so two charts of one page never share one;
* text takes the report's embedded font first (metrics are matplotlib's DejaVu Sans, the same glyphs);
* a mark given titles with :func:`set_titles` gets one ``<title>`` per drawn point, bar or tile.

The result depends on the figure alone: the same figure gives the same bytes.

>>> from dti_helpers.charts.theme import new_axes
>>> ax = new_axes(2, 1)
>>> set_titles(ax.scatter([1, 2], [1, 2]), ["A: 1", "B: 2"])
>>> svg = inline_svg(ax.figure, "Two dots")
>>> svg.startswith('<svg width="192" height="96" viewBox="0 0 144 72" role="img" aria-label="Two dots"')
True
>>> svg.count("<title>"), "<title>B: 2</title>" in svg, "<?xml" in svg
(2, True, False)
"""
from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING


from dti_helpers.charts.theme import to_svg

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# The page embeds the report font under this name (render/pdf.py); DejaVu Sans stays the fallback.
PAGE_FONT = "'DejaVu Sans Report', 'DejaVu Sans', sans-serif"
TITLES_ATTR = "dti_titles"  # where set_titles keeps an artist's tooltips until the figure is saved
_FONT_FAMILY = re.compile(r"font-family:\s*[^;]+")
_URL_REF = re.compile(r"url\(#([^)]+)\)")
# The SVG presentation attributes among the properties matplotlib writes in style="" (SVG 2, 6.6).
PRESENTATION = frozenset({
    "clip-path", "display", "dominant-baseline", "fill", "fill-opacity", "fill-rule", "filter", "font-family",
    "font-size", "font-style", "font-weight", "mask", "opacity", "stroke", "stroke-dasharray", "stroke-dashoffset",
    "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-width", "text-anchor",
    "visibility",
})
# matplotlib's global "*{...}" rule, which _drop removes, as inherited attributes of the root instead
ROOT_STROKE = {"stroke-linejoin": "round", "stroke-linecap": "butt"}
# What one drawn item of a mark is, in matplotlib's SVG: a marker or point is a <use>, a bar or tile a <path>.
_ITEM_TAGS = ("use", "path")


def set_titles(artist, titles) -> None:
    """Give each item an artist draws (a point, a marker, a bar) its tooltip, in drawing order.

    One title for an artist that draws one thing (a bar, a tile); for a line or a scatter, one per
    point that is drawn (a NaN point draws nothing, so it gets no title).

    >>> from dti_helpers.charts.theme import new_axes
    >>> bars = new_axes().bar([1], [2])
    >>> set_titles(bars[0], ["x: 2"]); bars[0].dti_titles
    ('x: 2',)
    """
    setattr(artist, TITLES_ATTR, tuple(str(t) for t in titles))


def row_tips(frame, column: str | None, default) -> list[str]:
    """Each row's tooltip: its text in ``column`` when the frame has that column, else ``default(row)``.

    >>> import pandas as pd
    >>> f = pd.DataFrame({"name": ["A", "B"], "rank": [1, 2]})
    >>> row_tips(f, "tip", lambda r: f"{r['name']}: {r['rank']}")
    ['A: 1', 'B: 2']
    >>> row_tips(f.assign(tip=["a", None]), "tip", lambda r: "?")
    ['a', '?']
    """
    own = column is not None and column in frame
    out = []
    for _, row in frame.iterrows():
        text = row[column] if own else None
        out.append(str(text) if isinstance(text, str) and text else str(default(row)))
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _strip(root: ET.Element) -> None:
    """Tags without their namespace, no whitespace-only text, paths' data on one line (smaller, same drawing)."""
    for el in root.iter():
        el.tag = _local(el.tag)
        if el.text is not None and not el.text.strip():
            el.text = None
        if el.tail is not None and not el.tail.strip():
            el.tail = None
        if XLINK_HREF in el.attrib:
            el.set("href", el.attrib.pop(XLINK_HREF))
        if "d" in el.attrib:
            el.set("d", " ".join(el.get("d").split()))


def _drop(root: ET.Element) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == "metadata" or (child.tag == "style" and parent.tag == "defs"):
                parent.remove(child)
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == "defs" and len(child) == 0:
                parent.remove(child)


def _prefix_ids(root: ET.Element, prefix: str) -> None:
    for el in root.iter():
        if "id" in el.attrib:
            el.set("id", prefix + el.get("id"))
        href = el.get("href")
        if href and href.startswith("#"):
            el.set("href", "#" + prefix + href[1:])
        for name in ("clip-path", "style", "fill", "mask", "filter"):
            value = el.get(name)
            if value and "url(#" in value:
                el.set(name, _URL_REF.sub(lambda m: f"url(#{prefix}{m.group(1)})", value))


def _page_font(root: ET.Element) -> None:
    for el in root.iter("text"):
        style = el.get("style")
        if style:
            el.set("style", _FONT_FAMILY.sub("font-family: " + PAGE_FONT, style, count=1))


def _presentation(root: ET.Element) -> None:
    """Each ``style=""`` whose properties are all presentation attributes becomes those attributes.

    The same drawing, and no CSS to parse: WeasyPrint parses a style attribute twice per PDF (the
    page's cascade, then its SVG renderer): some 5% of a report's PDF time for its ~400 of them.
    """
    for el in root.iter():
        style = el.get("style")
        if not style:
            continue
        pairs = [tuple(part.strip() for part in d.split(":", 1)) for d in style.split(";") if d.strip()]
        if all(len(p) == 2 and p[0] in PRESENTATION and p[0] not in el.attrib for p in pairs):
            del el.attrib["style"]
            el.attrib.update(pairs)


def _titled(item: ET.Element, title: str) -> ET.Element:
    group = ET.Element("g", {"class": "mark"})
    tip = ET.SubElement(group, "title")
    tip.text = title
    group.append(item)
    return group


def _add_titles(root: ET.Element, marks: dict[str, tuple]) -> None:
    parents = {child: parent for parent in root.iter() for child in parent}
    for el in list(root.iter("g")):
        titles = marks.get(el.get("id", ""))
        if titles is None:
            continue
        items = [x for x in el.iter() if x.tag in _ITEM_TAGS and parents.get(x) is not None
                 and parents[x].tag != "defs"]
        if len(titles) == 1 and len(items) != 1:
            el.insert(0, _titled_only(titles[0]))
            continue
        for item, title in zip(items, titles):
            parent = parents[item]
            index = list(parent).index(item)
            parent.remove(item)
            parent.insert(index, _titled(item, title))


def _flatten(root: ET.Element) -> None:
    """Unwrap every group that only names its content (matplotlib's one ``<g id>`` per artist, tick, label).

    A ``<g>`` with no attribute but its id, no ``<title>`` and an id nothing refers to draws
    exactly what its children draw: its children take its place. Fewer nodes, the same picture,
    and less for WeasyPrint to style and draw in the PDF.
    """
    referenced = {m.group(1) for el in root.iter() for value in el.attrib.values()
                  for m in _URL_REF.finditer(value)}
    referenced |= {el.get("href")[1:] for el in root.iter() if (el.get("href") or "").startswith("#")}

    def plain(el: ET.Element) -> bool:
        return (el.tag == "g" and set(el.attrib) <= {"id"} and el.get("id") not in referenced
                and not any(child.tag == "title" for child in el))

    def unwrap(parent: ET.Element) -> None:
        kept = []
        for child in parent:
            unwrap(child)
            kept.extend(list(child) if plain(child) else [child])
        parent[:] = kept

    unwrap(root)


def _titled_only(title: str) -> ET.Element:
    tip = ET.Element("title")
    tip.text = title
    return tip


def _with_mark_ids(fig: Figure) -> dict[str, tuple]:
    """The figure's titled artists, each given a gid (its SVG group's id) in figure order."""
    marks = {}
    for i, artist in enumerate(fig.findobj(lambda a: hasattr(a, TITLES_ATTR))):
        gid = f"mark{i}"
        artist.set_gid(gid)
        marks[gid] = getattr(artist, TITLES_ATTR)
    return marks


def inline_svg(fig: Figure, alt: str) -> str:
    """The figure as an ``<svg>`` element for an HTML page: sized in CSS px, named by ``alt``, marks titled.

    ``width``/``height`` are the figure's size in CSS px (96 per inch); the ``viewBox`` keeps
    matplotlib's points, so the page's CSS can scale the chart to its column.

    >>> from dti_helpers.charts.theme import new_axes
    >>> a = inline_svg(new_axes(2, 1).figure, "x")
    >>> a == inline_svg(new_axes(2, 1).figure, "x"), ' id="c' in a, "xlink" in a
    (True, True, False)
    """
    marks = _with_mark_ids(fig)
    source = to_svg(fig)
    prefix = "c" + hashlib.sha256(source.encode("utf-8")).hexdigest()[:8] + "-"
    root = ET.fromstring(source)
    _strip(root)
    _drop(root)
    _prefix_ids(root, prefix)
    _page_font(root)
    _add_titles(root, {prefix + k: v for k, v in marks.items()})
    _flatten(root)
    _presentation(root)
    w, h = (round(v * 96) for v in fig.get_size_inches())
    view = root.get("viewBox")
    kept = {k: v for k, v in root.attrib.items() if k not in ("width", "height", "viewBox", "version")}
    root.attrib.clear()
    root.attrib.update({"width": str(w), "height": str(h), "viewBox": view, "role": "img", "aria-label": alt,
                        "class": "chart-svg", **ROOT_STROKE, **kept})
    return ET.tostring(root, encoding="unicode", short_empty_elements=True)


__all__ = ["PAGE_FONT", "inline_svg", "row_tips", "set_titles"]
