"""Parts of the section kit: frozen dataclasses of view data, rendered only by ``templates/kit.html.j2``.

A part holds formatted strings, rows or an SVG; its template macro (named by
``kind``) is the only place its HTML exists, with autoescaping: a plain ``str``
is always text, a part renders itself through ``__html__``. The builder
functions an analyst calls live in :mod:`dti_helpers.sections.kit`.

>>> from dti_helpers.sections.plain import plain_text
>>> plain_text(Section("x", "T", (Text("a < b"), Span("(7)"))))  # the reader's text: heading, then parts
'Ta < b(7)'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar

import jinja2
from markupsafe import Markup

from dti_helpers.charts import theme as chart_theme
from dti_helpers.core.labels import DEFAULT_LANG, check_lang, t
from dti_helpers.data.origin import is_safe_href, is_web_link
from dti_helpers.sections.plain import plain_text, short_address
from dti_helpers.sections.widths import column_shares

DOUBT_MARK = chart_theme.DOUBT_MARK
TEMPLATE = "kit.html.j2"
# The language a part uses when its builder is not told one: report.setup() sets it once per report.
DEFAULTS = {"lang": DEFAULT_LANG}


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The kit's Jinja2 environment (autoescape on, templates from ``sections/templates``).

    >>> environment().autoescape
    True
    """
    env = jinja2.Environment(loader=jinja2.PackageLoader("dti_helpers.sections", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=False)
    env.globals["DOUBT_MARK"] = DOUBT_MARK
    # Only an http(s) address becomes a link: a source is data, and a report is e-mailed and opened anywhere.
    env.tests["web_link"] = is_web_link
    env.tests["safe_href"] = is_safe_href
    env.filters["plain"] = plain_text
    env.filters["short_address"] = short_address
    env.globals["column_shares"] = column_shares
    return env


@lru_cache(maxsize=1)
def _macros():
    return environment().get_template(TEMPLATE).module


def render_html(part) -> Markup:
    """The HTML of a part (or of plain text, escaped).

    >>> plain_text(render_html(Text("a < b")))
    'a < b'
    >>> render_html("x & y")
    Markup('x &amp; y')
    """
    return Markup.escape(part)


class Part:
    """Base of every kit part: rendered by the template macro named by ``kind``, displayed by Jupyter."""

    kind: ClassVar[str] = ""

    def __html__(self) -> str:
        return str(getattr(_macros(), self.kind)(self))

    def __str__(self) -> str:
        return self.__html__()

    def _repr_html_(self) -> str:
        return self.__html__()

    def _plain(self) -> str:
        return self.kind

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.__html__(), "text/plain": self._plain()}, {"dti_part": self.kind}


# ---------------------------------------------------------------- inline pieces (inside a paragraph or a cell)

@dataclass(frozen=True)
class Span(Part):
    """Text in a styled span (``muted``, ``np``, ``kpi-text``, ``kpi-sub``).

    >>> plain_text(Span("(7)", "muted"))
    '(7)'
    """

    content: Any
    cls: str = "muted"
    kind: ClassVar[str] = "span"


@dataclass(frozen=True)
class Strong(Part):
    """Bold text (the focus province's name in a table).

    >>> plain_text(Strong("a&b"))
    'a&b'
    """

    content: Any
    kind: ClassVar[str] = "strong"


@dataclass(frozen=True)
class Code(Part):
    """A literal value (a parameter).

    >>> plain_text(Code("24"))
    '24'
    """

    content: Any
    kind: ClassVar[str] = "code"


@dataclass(frozen=True)
class Doubt(Part):
    """A doubtful figure: its text with the † mark (the note goes in the section's :class:`DoubtNotes`).

    >>> plain_text(Doubt("7/63"))
    '7/63†'
    """

    content: Any
    kind: ClassVar[str] = "doubt"


@dataclass(frozen=True)
class Inline(Part):
    """Pieces side by side (text and parts), joined by ``sep``.

    >>> plain_text(Inline(("0.5", Span("(3)")), sep=" "))
    '0.5 (3)'
    """

    pieces: tuple
    sep: str = ""
    kind: ClassVar[str] = "inline"


@dataclass(frozen=True)
class Cite(Part):
    """A numbered citation that links to the source list.

    >>> plain_text(Cite(2))
    '[2]'
    """

    n: int
    kind: ClassVar[str] = "cite"


@dataclass(frozen=True)
class Link(Part):
    """A link to a source.

    >>> plain_text(Link("https://x.vn/?a=1&b=2", "[1]"))
    '[1]'
    >>> str(Link("javascript:alert(1)", "[1]"))  # not a safe address: the text alone, no link
    '[1]'
    """

    href: str
    content: Any
    kind: ClassVar[str] = "link"


# ---------------------------------------------------------------- blocks

@dataclass(frozen=True)
class DoubtBox(Part):
    """The footnotes of a section's doubtful figures (nothing when there are none).

    >>> plain_text(DoubtBox(("DTI: estimate",), "Doubtful:"))
    '† Doubtful:DTI: estimate'
    >>> str(DoubtBox(()))
    ''
    """

    items: tuple
    intro: str = ""
    kind: ClassVar[str] = "doubt_box"


@dataclass(frozen=True)
class Text(Part):
    """A paragraph (``cls`` e.g. ``subtitle``, ``lede``), optionally followed by its doubt notes.

    >>> plain_text(Text("x", cls="lede"))
    'x'
    """

    content: Any
    cls: str | None = None
    notes: DoubtBox | None = None
    kind: ClassVar[str] = "text"

    def _plain(self) -> str:
        return str(self.content)


@dataclass(frozen=True)
class Heading(Part):
    """A sub-heading inside a section.

    >>> plain_text(Heading("Sources"))
    'Sources'
    """

    text: str
    level: int = 3
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True)
class Table(Part):
    """A plain HTML5 table in a scrollable wrapper; ``numeric`` column positions are right-aligned.

    Cells are text (escaped) or parts; ``notes`` (the † footnotes of this table alone) follow it.

    >>> plain_text(Table(("a", "b"), (("1", "&"),), numeric=frozenset({1})))
    'ab1&'
    """

    head: tuple
    rows: tuple
    caption: str | None = None
    numeric: frozenset = frozenset()
    row_classes: tuple = ()
    cls: str = "data"
    notes: DoubtBox | None = None
    kind: ClassVar[str] = "table"

    def _plain(self) -> str:
        return self.caption or "table"


@dataclass(frozen=True)
class Chart(Part):
    """An inline SVG figure (``<svg role="img" aria-label=alt>``), its CSS size and an optional caption.

    >>> c = Chart(Markup('<svg width="10" height="5" aria-label="alt"></svg>'), "alt", 10, 5, "Cap")
    >>> c.alt, c.caption
    ('alt', 'Cap')
    """

    svg: Markup
    alt: str
    width: int
    height: int
    caption: str | None = None
    kind: ClassVar[str] = "chart"

    def _plain(self) -> str:
        return self.alt


@dataclass(frozen=True)
class Kpi:
    """One key figure of a card row: a label and its (possibly marked) value."""

    label: str
    value: Any


@dataclass(frozen=True)
class Kpis(Part):
    """A row of key-figure cards.

    >>> plain_text(Kpis((Kpi("Rank", "7/63"),)))
    'Rank7/63'
    """

    items: tuple
    kind: ClassVar[str] = "kpis"


@dataclass(frozen=True)
class References(Part):
    """The numbered source list that :class:`Cite` links point to, printed in ``columns`` columns.

    Several columns are a list each, numbered on (see :class:`~dti_helpers.sections.keys.TileKey`
    for why not one multi-column box).

    >>> plain_text(References(((1, "https://www.a.vn/x/"), (2, "dti_2022.xlsx, sha256 41a4925e1157"))))
    'a.vn/xdti_2022.xlsx, sha256 41a4925e1157'
    """

    items: tuple
    columns: int = 1
    kind: ClassVar[str] = "refs"


@dataclass(frozen=True)
class Note(Part):
    """A commentary box for the leadership briefing: the analyst's words, set apart from the figures.

    >>> plain_text(Note(("Keep the lead in e-government.",)))
    'Keep the lead in e-government.'
    """

    paragraphs: tuple
    title: str | None = None
    kind: ClassVar[str] = "note"

    def _plain(self) -> str:
        return "\n".join(map(str, self.paragraphs))


@dataclass(frozen=True)
class Group(Part):
    """Parts one after another, with no wrapper of their own.

    >>> plain_text(Group(("a&", Text("b"))))
    'a&b'
    """

    parts: tuple
    kind: ClassVar[str] = "group"


@dataclass(frozen=True)
class Section(Part):
    """One report section: a heading and its parts; displays inline and exports with its TOC entry.

    >>> s = Section("x", "Title", (Text("Body"),))
    >>> plain_text(s)
    'TitleBody'
    >>> s._repr_mimebundle_()[1]
    {'dti_section': {'id': 'x', 'title': 'Title', 'level': 2}}
    """

    id: str
    title: str
    parts: tuple = ()
    level: int = 2
    meta: dict = field(default_factory=dict, hash=False, compare=False)
    cls: str = ""  # a class beside "report-section" (the brief's "appendix")
    kind: ClassVar[str] = "section"

    def html(self) -> str:
        """The section's HTML as a string (what the export writes)."""
        return self.__html__()

    def _repr_mimebundle_(self, include=None, exclude=None):
        meta = {"dti_section": {"id": self.id, "title": self.title, "level": self.level}, **self.meta}
        return {"text/html": self.html(), "text/plain": self.title}, meta


class DoubtNotes:
    """Collects the † footnotes of one section's doubtful figures and marks their cells.

    >>> notes = DoubtNotes("en")
    >>> notes.mark("7/63", True, "estimate", "DTI 2020")
    Doubt(content='7/63')
    >>> notes.mark("8/63", False, "", "DTI 2021")
    '8/63'
    >>> notes.items
    ['DTI 2020: estimate']
    """

    def __init__(self, lang: str | None = None):
        self.lang = check_lang(lang or DEFAULTS["lang"])
        self.items: list[str] = []

    def mark(self, cell, doubtful: bool, note: str | None, what: str):
        """``cell`` unchanged, or marked † with its note recorded when ``doubtful``."""
        if not doubtful:
            return cell
        self.items.append(f"{what}: {note}" if note else what)
        return Doubt(cell)

    mark_text = mark

    def box(self) -> DoubtBox:
        """The footnote box (renders to nothing when no figure was marked)."""
        return DoubtBox(tuple(dict.fromkeys(self.items)), t("doubtful_intro", self.lang))

    def html(self) -> Markup:
        """The footnote box as HTML."""
        return render_html(self.box())



__all__ = ["Chart", "Cite", "Code", "DOUBT_MARK", "Doubt", "DoubtBox", "DoubtNotes", "Group", "Heading", "Inline",
           "Kpi", "Kpis", "Link", "Note", "Part", "References", "Section", "Span", "Strong", "Table", "Text",
           "environment", "render_html"]
