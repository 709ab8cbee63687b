"""Files written safely: atomic writes through a hidden temporary sibling, and cached file digests.

Every output of dti-reports goes through :func:`atomic_write` or :func:`atomic_path`, so a reader
never sees a half-written file and an interrupt leaves nothing behind.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import os
from pathlib import Path
from typing import Iterator

TEMP_SUFFIX = ".tmp"

# Errors of the storage itself: a write failing with one of them is reported against the file being written.
STORAGE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})

_digest_cache: dict[tuple[str, int, int], str] = {}


def file_digest(path: str | Path, cached: bool = True) -> str:
    """SHA-256 of a file's bytes (cached per path, size and mtime within a process, unless not ``cached``:
    a check that must see an edit that kept both, such as the manifest's, reads the file again).

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(delete=False) as f:
    ...     _ = f.write(b"dti")
    >>> file_digest(f.name)[:12], file_digest(f.name, cached=False)[:12]
    ('609c1f76bf59', '609c1f76bf59')
    """
    st = os.stat(path)
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _digest_cache or not cached:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        _digest_cache[key] = h.hexdigest()
    return _digest_cache[key]


def temp_path(path: str | Path, tag: str | None = None) -> Path:
    """Hidden temporary sibling of ``path`` (same folder, so the final rename is atomic).

    ``tag`` names the writer (a batch passes its run id, so that it can later clean its own
    temporary files and no one else's); the default is this process's id. The name keeps
    ``path``'s extension last, for writers that check it (papermill warns about a notebook not
    ending in ``.ipynb``).

    >>> name = temp_path("reports/html/ha-noi-2022-vi.html").name
    >>> name.startswith(".ha-noi-2022-vi.html."), name.endswith(".tmp.html")
    (True, True)
    >>> temp_path("reports/html/a.html", "dti-0f3a").name
    '.a.html.dti-0f3a.tmp.html'
    """
    path = Path(path)
    return path.with_name(f".{path.name}.{tag or os.getpid()}{TEMP_SUFFIX}{path.suffix}")


def temp_pattern(tag: str) -> str:
    """The glob matching the temporary files :func:`temp_path` makes with ``tag``, and only those.

    >>> pattern = temp_pattern("dti-0f3a")
    >>> Path(".a.html.dti-0f3a.tmp.html").match(pattern), Path(".a.html.123.tmp").match(pattern)
    (True, False)
    """
    return f".*.{tag}{TEMP_SUFFIX}*"


@contextlib.contextmanager
def atomic_path(path: str | Path, tag: str | None = None) -> Iterator[Path]:
    """Yield a temporary path (:func:`temp_path` with ``tag``); rename it onto ``path`` only if the block succeeds.

    A failure or an interrupt (Ctrl-C, SIGTERM) removes the temporary file, so a
    reader never sees a half-written output. A full disk (or another failure of the storage)
    while writing is reported against ``path``, which the system's own error does not name.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("done")
    >>> target.read_text()
    'done'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(path, tag)
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        if exc.errno in STORAGE_ERRORS and exc.filename in (None, str(tmp)):
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def atomic_write(path: str | Path, data: str | bytes, tag: str | None = None) -> Path:
    """Write ``data`` to ``path`` through a temporary file (:func:`temp_path` with ``tag``) and a rename.

    >>> import tempfile
    >>> p = atomic_write(Path(tempfile.mkdtemp()) / "a.txt", "xin chào")
    >>> p.read_text(encoding="utf-8")
    'xin chào'
    """
    with atomic_path(path, tag) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
    return Path(path)


def os_error_line(exc: OSError) -> str:
    """One line for a file-system error: the file it concerns and the system's reason.

    >>> os_error_line(NotADirectoryError(20, "Not a directory", "/dev/null/x"))
    '/dev/null/x: Not a directory'
    >>> os_error_line(OSError("no file name"))
    'no file name'
    """
    if exc.strerror is None:
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"{exc.filename}: {exc.strerror}" if exc.filename is not None else exc.strerror
