"""Where a value came from: the kind of its source, and the reference to a row of an analyst's file.

Sources are ranked, most trusted first (the order in which a disagreement is settled):

* ``file``: a table the analyst passed with ``--data`` (an official table downloaded from dti.gov.vn);
* ``official``: a page of dti.gov.vn or of the ministry that publishes the index;
* ``press``: a provincial portal or a newspaper reporting the result;
* ``secondary``: a third-party compilation (not a page that publishes or reports the result);
* ``weak``: a test or demo copy of a real page, or an unrelated site republishing an article.

A value whose every source is ``secondary`` or ``weak`` is shown with the doubt mark and its own
note. A row of an analyst's file is cited by file name, content digest, sheet and row, never by
the folder it lies in: the same table in two folders gives the same report.

>>> source_kind("https://dti.gov.vn/xep-hang-2022"), source_kind("https://baobacgiang.vn/a.html")
('official', 'press')
>>> ref = file_ref("dti_2022.xlsx", "41a4925e1157", 5, "Tổng hợp")
>>> parse_file_ref(ref)
FileRef(name='dti_2022.xlsx', digest='41a4925e1157', row=5, sheet='Tổng hợp')
"""
from __future__ import annotations

from typing import NamedTuple
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from dti_helpers.core.labels import t

# Most trusted first: the index of a kind is its precedence.
SOURCE_KINDS = ("file", "official", "press", "secondary", "weak")
# Kinds that alone do not carry a figure without a warning.
CAUTION_KINDS = frozenset({"secondary", "weak"})
# The publisher of the index: its portal and the two ministries that ran it.
OFFICIAL_HOSTS = ("dti.gov.vn", "mic.gov.vn", "mst.gov.vn")
# Hosts the raw README calls weak wherever they appear: a test and a demo copy of real pages.
WEAK_HOSTS = frozenset({"cchctest.soctrang.gov.vn", "demo1022.hasontech.vn"})
# Prefix of a file reference in the `sources` column: not a URL scheme, never made a link.
FILE_REF = "file-row:"
SEPARATOR = " | "


class FileRef(NamedTuple):
    """A row of an analyst's data file: name (no folder), sha256 digest (12 hex), row, sheet."""

    name: str
    digest: str
    row: int | None = None
    sheet: str | None = None


def host(url: str) -> str:
    """The host of a URL, lower case; empty when there is none.

    >>> host("https://WWW.Dti.gov.vn/x"), host("not a url")
    ('www.dti.gov.vn', '')
    """
    try:
        return (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""


def is_official_host(name: str) -> bool:
    """Whether a host belongs to the index's publisher (dti.gov.vn or the ministry).

    >>> is_official_host("dti.gov.vn"), is_official_host("www.mic.gov.vn"), is_official_host("bacgiang.gov.vn")
    (True, True, False)
    """
    return any(name == h or name.endswith("." + h) for h in OFFICIAL_HOSTS)


def source_kind(url: str, flags: frozenset[str] = frozenset()) -> str:
    """The kind of one source: a file reference, or a page with the raw data's flags.

    >>> source_kind("https://demo1022.hasontech.vn/?p=1"), source_kind("https://x.vn", frozenset({"secondary"}))
    ('weak', 'secondary')
    >>> source_kind(file_ref("dti_2021.csv", "abc", 3))
    'file'
    """
    if url.startswith(FILE_REF):
        return "file"
    name = host(url)
    if "weak-host" in flags or name in WEAK_HOSTS:
        return "weak"
    if "secondary" in flags:
        return "secondary"
    return "official" if is_official_host(name) else "press"


def best_kind(kinds) -> str:
    """The most trusted of several kinds (``press`` when there are none: a page of unknown standing).

    >>> best_kind(["weak", "press"]), best_kind([])
    ('press', 'press')
    """
    kinds = [k for k in kinds if k in SOURCE_KINDS]
    return min(kinds, key=SOURCE_KINDS.index) if kinds else "press"


def least_trusted(kinds) -> str:
    """The least trusted of several kinds (``press`` when there are none, as :func:`best_kind`).

    >>> least_trusted(["file", "weak", "press"]), least_trusted([])
    ('weak', 'press')
    """
    kinds = [k for k in kinds if k in SOURCE_KINDS]
    return max(kinds, key=SOURCE_KINDS.index) if kinds else "press"


def split_sources(sources) -> list[str]:
    """The entries of a ``sources`` cell, in order, each once.

    >>> split_sources("https://a.vn | https://b.vn | https://a.vn"), split_sources(None)
    (['https://a.vn', 'https://b.vn'], [])
    """
    if not isinstance(sources, str):
        return []
    return list(dict.fromkeys(s.strip() for s in sources.split(SEPARATOR.strip()) if s.strip()))


def join_sources(*cells) -> str:
    """Several ``sources`` cells as one, each entry once, in order.

    >>> join_sources("https://a.vn", "https://b.vn | https://a.vn")
    'https://a.vn | https://b.vn'
    """
    return SEPARATOR.join(dict.fromkeys(s for cell in cells for s in split_sources(cell)))


def file_ref(name: str, digest: str, row: int | None = None, sheet: str | None = None) -> str:
    """The ``sources`` entry of a row of an analyst's file.

    >>> file_ref("dti 2021.csv", "abc", 3)
    'file-row:dti%202021.csv?sha256=abc&row=3'
    """
    query = {"sha256": digest}
    if row is not None:
        query["row"] = str(row)
    if sheet:
        query["sheet"] = sheet
    return f"{FILE_REF}{quote(name)}?{urlencode(query, quote_via=quote)}"


def parse_file_ref(text: str) -> FileRef | None:
    """A file reference read back; ``None`` for any other source (a page address).

    >>> parse_file_ref("https://dti.gov.vn") is None, parse_file_ref(file_ref("a.csv", "d")).name
    (True, 'a.csv')
    """
    if not text.startswith(FILE_REF):
        return None
    name, _, query = text[len(FILE_REF):].partition("?")
    fields = dict(parse_qsl(query))
    row = fields.get("row")
    return FileRef(unquote(name), fields.get("sha256", ""), int(row) if row and row.isdigit() else None,
                   fields.get("sheet"))


def is_web_link(url: str) -> bool:
    """Whether a source may become a clickable link: an ``http`` or ``https`` address with a host.

    >>> is_web_link("https://dti.gov.vn"), is_web_link("javascript:alert(1)"), is_web_link("file:///etc/passwd")
    (True, False, False)
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def describe_source(entry: str, lang: str = "en") -> str:
    """One source as a note names it: a page by its address, a file row by file name, digest, sheet and row.

    >>> describe_source(file_ref("dti_2022.xlsx", "41a4925e1157", 5, "DTI"), "vi")
    'dti_2022.xlsx, sha256 41a4925e1157, trang tính “DTI”, dòng 5'
    >>> describe_source(file_ref("a.csv", "d", 3)), describe_source("https://dti.gov.vn/x")
    ('a.csv, sha256 d, row 3', 'https://dti.gov.vn/x')
    """
    ref = parse_file_ref(entry)
    if ref is None:
        return entry
    where = [ref.name, f"sha256 {ref.digest}"] + ([t("ref_sheet", lang, sheet=ref.sheet)] if ref.sheet else [])
    return ", ".join(where + ([t("ref_row", lang, row=ref.row)] if ref.row is not None else []))


def describe_sources(sources, lang: str = "en") -> str:
    """The entries of a ``sources`` cell as a note names them, each once.

    >>> describe_sources(file_ref("a.csv", "d", 2) + " | https://x.vn | " + file_ref("a.csv", "d", 2))
    'a.csv, sha256 d, row 2, https://x.vn'
    """
    return ", ".join(dict.fromkeys(describe_source(s, lang) for s in split_sources(sources)))


def source_hosts(sources, limit: int = 3) -> str:
    """The entries of a ``sources`` cell named short, for a note: pages by their host, files by name,
    at most ``limit`` of them and then how many more ("+2").

    A note says where another figure was seen; the full addresses stay in ``check-data``'s warning.

    >>> source_hosts("https://baomoi.com/a | https://www.baomoi.com/b | " + file_ref("a.csv", "d", 2))
    'baomoi.com, a.csv'
    >>> source_hosts("https://a.vn | https://b.vn | https://c.vn", limit=2)
    'a.vn, b.vn +1'
    """
    names = []
    for entry in split_sources(sources):
        ref = parse_file_ref(entry)
        host = (urlsplit(entry).hostname or entry) if ref is None else ref.name
        names.append(host.removeprefix("www."))
    names = list(dict.fromkeys(names))
    more = f" +{len(names) - limit}" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def unsafe_scheme(entry: str) -> bool:
    """Whether a source or link names an address scheme other than http(s) (``javascript:``, ``data:``, ``file:``…).

    The scheme is read as a browser reads it: tabs and newlines inside it do not hide it.

    >>> unsafe_scheme("javascript:alert(1)"), unsafe_scheme("java\\tscript:alert(1)"), unsafe_scheme("https://dti.gov.vn")
    (True, True, False)
    >>> unsafe_scheme("Sở TT&TT"), unsafe_scheme("../html/da-nang-34-2024-vi.html")
    (False, False)
    """
    try:
        scheme = urlsplit(entry.strip()).scheme
    except ValueError:
        return True
    return scheme.lower() not in ("", "http", "https")


def is_safe_href(href: str) -> bool:
    """Whether a link target may be written: a web address, or a path relative to the page (no scheme).

    >>> is_safe_href("../html/da-nang-34-2024-vi.html"), is_safe_href("javascript:alert(1)")
    (True, False)
    """
    return not unsafe_scheme(href)
