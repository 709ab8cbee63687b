"""Files written safely: atomic writes through a hidden temporary sibling, and cached file digests.

Every output of dti-reports goes through :func:`atomic_write` or :func:`atomic_path`, so a reader
never sees a half-written file and an interrupt leaves nothing behind.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path
from typing import Iterator

TEMP_SUFFIX = ".tmp"

_digest_cache: dict[tuple[str, int, int], str] = {}


def file_digest(path: str | Path) -> str:
    """SHA-256 of a file's bytes (cached per path, size and mtime within a process).

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(delete=False) as f:
    ...     _ = f.write(b"dti")
    >>> file_digest(f.name)[:12]
    '609c1f76bf59'
    """
    st = os.stat(path)
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _digest_cache:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        _digest_cache[key] = h.hexdigest()
    return _digest_cache[key]


def temp_path(path: str | Path) -> Path:
    """Hidden temporary sibling of ``path`` (same folder, so the final rename is atomic).

    It keeps ``path``'s extension last, for writers that check it (papermill warns
    about a notebook not ending in ``.ipynb``).

    >>> name = temp_path("reports/html/ha-noi-2022-vi.html").name
    >>> name.startswith(".ha-noi-2022-vi.html."), name.endswith(".tmp.html")
    (True, True)
    """
    path = Path(path)
    return path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}{path.suffix}")


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path; rename it onto ``path`` only if the block succeeds.

    A failure or an interrupt (Ctrl-C, SIGTERM) removes the temporary file, so a
    reader never sees a half-written output.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("done")
    >>> target.read_text()
    'done'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(path)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def atomic_write(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    >>> import tempfile
    >>> p = atomic_write(Path(tempfile.mkdtemp()) / "a.txt", "xin chào")
    >>> p.read_text(encoding="utf-8")
    'xin chào'
    """
    with atomic_path(path) as tmp:
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
