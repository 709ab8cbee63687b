"""Markdown cells and ``text/markdown`` outputs as report HTML, with nbconvert's own renderer.

nbconvert's ``markdown2html`` filter (mistune with nbconvert's math, table and
attachment handling) renders the text; :class:`HeadingIds` gives every heading
an id that is unique on the page (slugified, so ``## Ghi chú`` links as
``#ghi-chu``) instead of nbconvert's ``¶`` anchor link, and records the
headings so level-2 ones can join the report's table of contents.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

from dti_helpers.core.names import slugify

_TAG = re.compile(r"<[^>]*>")


@dataclass
class HeadingIds:
    """Ids handed out on one page: ``taken`` holds ids already used (the report's sections).

    >>> ids = HeadingIds({"notes"})
    >>> ids.new("Notes"), ids.new("Ghi chú của chuyên viên"), ids.new("Notes"), ids.new("?")
    ('notes-2', 'ghi-chu-cua-chuyen-vien', 'notes-3', 'heading')
    """

    taken: set[str] = field(default_factory=set)
    headings: list[dict] = field(default_factory=list)

    def new(self, text: str) -> str:
        """A fresh id for a heading reading ``text``."""
        base = slugify(text) or "heading"
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate


class ReportRenderer(IPythonRenderer):
    """nbconvert's IPython renderer with page-unique heading ids and no ``¶`` anchor links."""

    def __init__(self, ids: HeadingIds, attachments: dict | None = None):
        super().__init__(escape=False, exclude_anchor_links=True, attachments=attachments or {})
        self.ids = ids

    def heading(self, text: str, level: int, **attrs) -> str:
        title = html.unescape(_TAG.sub("", text)).strip()
        attrs["id"] = self.ids.new(title)
        self.ids.headings.append({"id": attrs["id"], "title": title, "level": level})
        return super().heading(text, level, **attrs)


def markdown_to_html(source: str, ids: HeadingIds | None = None, attachments: dict | None = None) -> str:
    """Render markdown as nbconvert does, headings carrying ids from ``ids``.

    >>> page = markdown_to_html("## Ghi chú của chuyên viên\\n\\nMột *ý* nhỏ.")
    >>> 'id="ghi-chu-cua-chuyen-vien"' in page, "Một" in page
    (True, True)
    """
    renderer = ReportRenderer(ids if ids is not None else HeadingIds(), attachments)
    return MarkdownWithMath(renderer=renderer).render(source)
