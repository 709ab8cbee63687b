"""Active content taken out of an analyst's raw HTML before it reaches a shared report.

A report is one file that opens anywhere, offline, as a document: nothing in it runs. The kit's
own parts are escaped by their templates; an analyst's raw HTML (a markdown cell with tags,
``IPython.display.HTML``, a ``DataFrame.style``) can carry a script, an event handler or an
embedded frame. Those are removed, and the caller says so in the report and the log, as for an
output that cannot be exported: never silently. Everything else (tables, formatting, a
Styler's scoped style element) is kept as written. The examples with markup are in
``tests/test_export.py``.
"""
from __future__ import annotations

import re

# Elements that run code or pull in another document; a form could post the reader's input.
ACTIVE_TAGS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "noscript",
               "meta", "link")
URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "poster", "background")
_SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|data:text/html)", re.I)
_CHEAP_CHECK = re.compile(r"<\s*(" + "|".join(ACTIVE_TAGS) + r")\b|\son[a-z]+\s*=|javascript:|vbscript:|srcdoc",
                          re.I)


def without_active_content(html: str) -> tuple[str, list[str]]:
    """``html`` without scripts, event handlers, frames or script URLs, and what was removed.

    HTML with none of them is returned unchanged, byte for byte; a removed element is named with its
    angle brackets, an attribute by its name (tests/test_export.py shows both).

    >>> without_active_content("Bắc Ninh: 0,6440")
    ('Bắc Ninh: 0,6440', [])
    """
    if not _CHEAP_CHECK.search(html):
        return html, []
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    removed: list[str] = []
    for element in soup.find_all(ACTIVE_TAGS):
        removed.append(f"<{element.name}>")
        element.decompose()
    for element in soup.find_all(True):
        for name in list(element.attrs):
            value = element.attrs[name]
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on") or (name.lower() in URL_ATTRS and _SCRIPT_URL.match(value)) or (
                    name.lower() == "srcdoc"):
                removed.append(name.lower())
                del element.attrs[name]
    return str(soup), list(dict.fromkeys(removed))
