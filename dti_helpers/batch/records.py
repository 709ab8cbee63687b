"""What a manifest record may hold: each record read back is checked, and one that is not as the batch
writes it (a string, a list, a deep nesting, a field of the wrong type, a path outside the folder) is
dropped, so that its output is rebuilt, instead of breaking every later run.

>>> record_problem("html/a-2022-vi.html", {"inputs": "d1", "sha256": "0" * 64, "bytes": 3})
>>> record_problem("html/a.html", "d1"), record_problem("../etc/passwd", {"inputs": "d1"})
('not a record', 'not a path inside the output folder')
"""
from __future__ import annotations

import json
import re
from pathlib import Path

MAX_DEPTH = 8  # a record's deepest value (parameters' lists) sits at depth 4
# A relative POSIX path of plain names (``html/ha-noi-2022-vi.html``): no "..", no scheme, no absolute path.
SAFE_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*")
HEX64 = re.compile(r"[0-9a-f]{64}")
KINDS = ("province", "overview", "index")
# field -> the types it may have (bool is excluded from the integers below)
TYPES = {"inputs": (str,), "sha256": (str,), "bytes": (int,), "mtime_ns": (int,), "checked_ns": (int,),
         "kind": (str,), "code": (str,), "year": (int,), "lang": (str,), "format": (str,), "units": (str,),
         "parts": (dict,), "notebook": (str,), "slug": (str,), "seconds": (int, float), "recorded": (str,)}
# fields the index and the plan read from a report's record
REPORT_FIELDS = {"province": ("code", "year", "lang", "format"), "overview": ("year", "lang", "format")}


def depth(value, limit: int = MAX_DEPTH) -> int:
    """How deeply ``value`` nests (a scalar is 0), counted without recursion and up to ``limit + 1``.

    >>> depth(1), depth({"a": [1, {"b": 2}]}), depth([[[[[[[[[[[]]]]]]]]]]], limit=3)
    (0, 3, 4)
    """
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, (dict, list)):
            level += 1
            deepest = max(deepest, level)
            if deepest > limit:
                return deepest
            stack.extend((child, level) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def record_problem(path, record) -> str | None:
    """Why ``record`` of output ``path`` cannot be trusted, or ``None`` when it is as the batch writes it.

    >>> record_problem("html/a.html", {"inputs": "d", "bytes": "3"})
    "field 'bytes' is not int"
    >>> record_problem("html/a.html", {"inputs": "d", "kind": "province", "year": 2022})
    "field 'code' is missing"
    """
    if not isinstance(path, str) or not SAFE_PATH.fullmatch(path) or ".." in path.split("/"):
        return "not a path inside the output folder"
    if not isinstance(record, dict):
        return "not a record"
    if depth(record) > MAX_DEPTH:
        return "nested too deeply"
    if not isinstance(record.get("inputs"), str):
        return "no inputs digest"
    for name, types in TYPES.items():
        value = record.get(name)
        if value is not None and (not isinstance(value, types) or isinstance(value, bool)):
            return f"field '{name}' is not {types[0].__name__}"
    if "sha256" in record and not HEX64.fullmatch(record["sha256"]):
        return "field 'sha256' is not a digest"
    kind = record.get("kind")
    if kind is not None and kind not in KINDS:
        return f"kind '{str(kind)[:20]}' unknown"
    for name in REPORT_FIELDS.get(kind, ()):
        if record.get(name) is None:
            return f"field '{name}' is missing"
    return None


def decode(path, text) -> tuple[dict | None, str | None]:
    """A record stored as JSON text, checked: ``(record, None)`` or ``(None, why not)``.

    >>> decode("html/a.html", '{"inputs": "d"}'), decode("html/a.html", "[" * 100000)[1]
    (({'inputs': 'd'}, None), 'not JSON')
    """
    if not isinstance(text, (str, bytes)):
        return None, "not JSON"
    try:
        record = json.loads(text)
    except (ValueError, RecursionError):
        return None, "not JSON"
    problem = record_problem(path, record)
    return (None, problem) if problem else (record, None)


def encode(record: dict) -> str:
    """A record as the JSON text the manifest stores.

    >>> encode({"inputs": "d", "bytes": 3})
    '{"bytes":3,"inputs":"d"}'
    """
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def read_legacy(path: Path) -> tuple[dict[str, dict], list[str], str | None]:
    """The records of a ``manifest.json`` written by an older dti-reports: (records, dropped paths, problem).

    ``problem`` is set when the whole file is unreadable (then every report is rebuilt); ``dropped``
    names the records that were not as the batch writes them (those reports are rebuilt).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "manifest.json"
    >>> _ = p.write_text('{"schema": 1, "outputs": {"html/a.html": {"inputs": "d"}, "html/b.html": "x"}}')
    >>> read_legacy(p)
    ({'html/a.html': {'inputs': 'd'}}, ['html/b.html'], None)
    >>> _ = p.write_text('{"schema": 1, "outputs": []}'); read_legacy(p)[2]
    'no outputs table'
    """
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [], type(exc).__name__
    except (ValueError, RecursionError):
        return {}, [], "not JSON"
    if not isinstance(doc, dict):
        return {}, [], "not a manifest"
    if doc.get("schema") != 1:
        return {}, [], f"schema {str(doc.get('schema'))[:20]!r}, expected 1"
    outputs = doc.get("outputs")
    if not isinstance(outputs, dict):
        return {}, [], "no outputs table"
    kept, dropped = {}, []
    for rel, record in outputs.items():
        if record_problem(rel, record):
            dropped.append(str(rel)[:80])
        else:
            kept[rel] = record
    return kept, dropped, None
