"""The old HTML-string API of the sections, kept only until the national overview is ported to the kit.

``sections.national`` still builds HTML strings and imports ``Section``,
``table``, ``figure``, ``esc``, ``_Notes`` and ``_note_text`` from
``sections.province``; these thin adapters render through the kit's templates.
Remove this module when nothing imports it.

>>> esc("a < b")
'a &lt; b'
"""
from __future__ import annotations

from markupsafe import Markup, escape

from dti_helpers.sections import kit
from dti_helpers.sections.parts import Doubt, DoubtNotes, Table, render_html


def esc(text) -> str:
    """HTML-escape any value as text.

    >>> esc('"x" & y')
    '&#34;x&#34; &amp; y'
    """
    return str(escape(str(text)))


def section(id: str, title: str, body: str = "", level: int = 2, meta: dict | None = None) -> kit.Section:
    """A kit section around a body that is HTML already.

    >>> section("x", "T", Markup("")).id
    'x'
    """
    return kit.Section(id, title, (Markup(body),), level, dict(meta or {}))


def table(head: list[str], rows: list[list[str]], *, caption: str | None = None, numeric=(),
          row_classes: list[str] | None = None, cls: str = "data") -> str:
    """A table of cells that are HTML already.

    >>> table(["a"], [["1"]]).endswith("</table></div>")
    True
    """
    return str(render_html(Table(tuple(head), tuple(tuple(Markup(c) for c in row) for row in rows), caption,
                                 frozenset(numeric), tuple(row_classes or ()), cls)))


def figure(ax, alt: str, caption: str | None = None) -> str:
    """An inline SVG figure from a chart's axes, as HTML.

    >>> from dti_helpers.charts import new_axes
    >>> 'alt="x"' in figure(new_axes(2, 1), "x")
    True
    """
    return str(render_html(kit.chart(ax, alt=alt, caption=caption)))


class HtmlNotes(DoubtNotes):
    """:class:`DoubtNotes` for cells that are HTML strings.

    >>> HtmlNotes("en").mark("1", True, "n", "DTI").endswith("</span>")
    True
    """

    def mark(self, cell_html: str, doubtful: bool, note: str | None, what: str) -> str:
        if not doubtful:
            return cell_html
        return str(render_html(Doubt(Markup(super().mark(cell_html, doubtful, note, what).content))))

    def mark_text(self, text: str, doubtful: bool, note: str | None, what: str) -> str:
        return Markup(self.mark(esc(text), doubtful, note, what))

    def html(self) -> str:
        return str(render_html(self.box()))
