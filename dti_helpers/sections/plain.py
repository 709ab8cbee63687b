"""Text where markup cannot go or would not read: a header's words in an attribute, a source's address.

:func:`plain_text` is what a reader sees of a value (a table's header written on each cell for a
phone's card layout). :func:`short_address` is how a web address reads in a reference list: host and
page, not a wall of characters. The link keeps the full address; its text is the host (without ``www.``) and the path decoded
(a Vietnamese slug reads as letters, not ``%E1%BB%``), shortened in the middle when long: the
host and the page's own name stay, the folders between them become "…".

>>> short_address("https://www.mic.gov.vn/Pages/TinTuc/tinchitiet.aspx?tintucid=155040")
'mic.gov.vn/Pages/TinTuc/tinchitiet.aspx?tintucid=155040'
>>> short_address("https://huggingface.co/datasets/letrinhan/vn-dti-provincial/")
'huggingface.co/datasets/letrinhan/vn-dti-provincial'
>>> short_address("https://ictnews.vn/chuyen-doi-so/ket-qua/chi-so-chuyen-doi-so-dti-2021-cua-63-tinh-thanh-pho-da-cong-bo-post123.html")
'ictnews.vn/…/chi-so-chuyen-doi-so-dti-2021-cua-63-tinh-thanh-pho-da-con…'
"""
from __future__ import annotations

from urllib.parse import unquote, urlsplit

from markupsafe import Markup

LIMIT = 72  # characters: one line of the PDF's reference list


def plain_text(value) -> str:
    """The text a reader sees of a value: a part's or markup's words without tags, a plain string as it is.

    >>> plain_text("x <i>"), plain_text(Markup("a &amp; <b>b</b>"))
    ('x <i>', 'a & b')
    """
    return Markup.escape(value).striptags()


def short_address(url: str, limit: int = LIMIT) -> str:
    """``url`` as "host/path", at most ``limit`` characters (see the module's examples); not a URL: as it is.

    >>> short_address("dti_2022.xlsx, sha256 41a4925e1157")
    'dti_2022.xlsx, sha256 41a4925e1157'
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    if not parts.netloc:
        return url
    host = parts.netloc.lower().removeprefix("www.")
    path = unquote(parts.path).strip("/")
    page = path + (f"?{unquote(parts.query)}" if parts.query else "")
    text = f"{host}/{page}" if page else host
    if len(text) <= limit:
        return text
    last = page.rsplit("/", 1)[-1]
    text = f"{host}/…/{last}" if "/" in page else f"{host}/{last}"
    return text if len(text) <= limit else text[:limit - 1] + "…"


__all__ = ["LIMIT", "plain_text", "short_address"]
