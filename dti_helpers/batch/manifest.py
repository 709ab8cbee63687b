"""Incremental, crash-safe builds: the output manifest (SQLite), the runs writing into a folder, the run lock.

A report is rebuilt only when the digest of its inputs (:mod:`~dti_helpers.batch.digests`) differs
from the one recorded in ``manifest.db`` beside the outputs, or its file is missing or altered.
Everything here is cheap to import: a no-op rerun loads no heavy library.
"""
from __future__ import annotations

import contextlib
import errno
import os
import re
import socket
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

from dti_helpers.batch.records import decode, encode, read_legacy
from dti_helpers.core.fsio import file_digest
from dti_helpers.core.labels import t

DB_NAME = "manifest.db"
LEGACY_NAME = "manifest.json"  # the manifest of older versions: read once into the database, then left alone
UNREADABLE_SUFFIX = ".unreadable"
SCHEMA = 1  # the database's user_version
APPLICATION_ID = 0x44544952  # "DTIR": the database is a dti-reports manifest, not any SQLite file
BUSY_SECONDS = 30
SQLITE_FULL = 13
# The size and modification time stand for the content only of a file changed this long before it was checked.
RACY_NS = 2_000_000_000
TABLES = f"""
CREATE TABLE IF NOT EXISTS outputs (path TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (id TEXT PRIMARY KEY, host TEXT, pid INTEGER, started TEXT);
PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = {SCHEMA};
"""
RUN_ID = re.compile(r"dti-[0-9a-f]{16}")  # a run's id, as temporary files carry it
UPSERT = "INSERT INTO outputs(path, record) VALUES (?, ?) ON CONFLICT(path) DO UPDATE SET record = excluded.record"


class ManifestError(OSError):
    """The manifest could not be written; ``filename`` is the database, ``strerror`` the reason (a full disk).

    >>> str(ManifestError(28, "No space left on device", "reports/manifest.db"))
    "[Errno 28] No space left on device: 'reports/manifest.db'"
    """


def new_run_id() -> str:
    """A fresh run id: what a run's temporary files and kernel connection files carry, and nothing else.

    >>> bool(RUN_ID.fullmatch(new_run_id())), new_run_id() != new_run_id()
    (True, True)
    """
    import secrets

    return f"dti-{secrets.token_hex(8)}"


def _pid_alive(pid) -> bool:
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, ValueError, TypeError, OverflowError):
        return isinstance(pid, int)
    return True


class Manifest:
    """What was built in an output folder, from which inputs: the SQLite database ``<out>/manifest.db``.

    ``entries`` maps each output's path (relative to the folder, e.g. ``html/ha-noi-2022-vi.html``)
    to its record: ``inputs`` (the digest of its inputs), ``sha256``, ``bytes`` and ``mtime_ns`` of
    the file, and what it is. :meth:`record` and :meth:`forget` change ``entries``; :meth:`save`
    writes the changed records only, one row each in one transaction (WAL, with a busy timeout, so
    that several processes may record into one folder), so recording costs the same at 10 or at
    100,000 reports. Nothing is written before the first :meth:`save`.

    Content that is not as the batch writes it (a damaged or foreign database, a record of the wrong
    type, a ``manifest.json`` of an older version that is unreadable) is never trusted: ``problem``
    says so in one line and the outputs it described are rebuilt.

    >>> import tempfile
    >>> m = Manifest(Path(tempfile.mkdtemp()))
    >>> m.record("html/a.html", {"inputs": "d1"}); m.save()
    1
    >>> Manifest(m.root).entries["html/a.html"]["inputs"]
    'd1'
    """

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.path = self.root / DB_NAME
        self.entries: dict[str, dict] = {}
        self.problem_key: str | None = None
        self.problem_fields: dict = {}
        self._dirty: set[str] = set()
        self._gone: set = set()
        self._replace = False
        self._con: sqlite3.Connection | None = None
        self._con_pid = 0
        if self.path.exists() or self.path.is_symlink():
            self._load_db()
        elif (self.root / LEGACY_NAME).is_file():
            self._load_legacy()

    @property
    def problem(self) -> str | None:
        """What was wrong with the stored manifest, in one English line (``None`` when nothing was).

        >>> Manifest("/nonexistent").problem is None
        True
        """
        return self.problem_in("en")

    def problem_in(self, lang: str = "en") -> str | None:
        """:attr:`problem` in ``lang``.

        >>> Manifest("/nonexistent").problem_in("vi") is None
        True
        """
        return t(self.problem_key, lang, **self.problem_fields) if self.problem_key else None

    def _unreadable(self, path: Path, detail: str, kept: str = "") -> None:
        self.entries, self._dirty = {}, set()
        self.problem_key = "cli_manifest_unreadable_kept" if kept else "cli_manifest_unreadable"
        self.problem_fields = {"path": path, "detail": detail, "kept": kept}

    def _dropped(self, path: Path, dropped: list, why: str) -> None:
        first = dropped[0] if isinstance(dropped[0], str) else repr(dropped[0])
        self.problem_key = "cli_manifest_records"
        self.problem_fields = {"path": path, "n": len(dropped), "first": first[:80], "why": why}

    def _load_db(self) -> None:
        try:
            if self.path.is_symlink():  # SQLite would follow it, even to create a file elsewhere
                raise sqlite3.DatabaseError("a symbolic link")
            con = sqlite3.connect(f"file:{quote(str(self.path))}?mode=rw", uri=True, timeout=BUSY_SECONDS)
            try:
                con.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
                if con.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                    raise sqlite3.DatabaseError("not a dti-reports manifest")
                version = con.execute("PRAGMA user_version").fetchone()[0]
                if version != SCHEMA:
                    raise sqlite3.DatabaseError(f"schema {version}, expected {SCHEMA}")
                check = con.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise sqlite3.DatabaseError(f"damaged: {str(check)[:60]}")
                rows = con.execute("SELECT path, record FROM outputs").fetchall()
            finally:
                con.close()
        except sqlite3.Error as exc:
            # Only damage or a foreign file gets here (writes are transactions): keep it aside, rebuild everything.
            self._replace = True
            self._unreadable(self.path, str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__,
                             kept=self.path.name + UNREADABLE_SUFFIX)
            return
        dropped, why = [], ""
        for rel, text in rows:
            record, problem = decode(rel, text)
            if record is None:
                dropped.append(rel)
                why = why or problem
            else:
                self.entries[rel] = record
        if dropped:
            self._gone.update(dropped)  # removed at the first save; their outputs are rebuilt
            self._dropped(self.path, dropped, why)

    def _load_legacy(self) -> None:
        legacy = self.root / LEGACY_NAME
        entries, dropped, problem = read_legacy(legacy)
        if problem:
            self._unreadable(legacy, problem)
            return
        self.entries, self._dirty = entries, set(entries)  # moved into the database at the first save
        if dropped:
            self._dropped(legacy, dropped, "not a record")

    def current(self, output: str, digest: str) -> bool:
        """True when ``output`` exists, was built from inputs ``digest`` and still has the recorded content.

        The content is compared by sha256; the size and modification time stand for it only when the
        file was last changed well before it was recorded (a file changed within the same moment
        could keep both), and a match found by hashing is remembered for the next time.

        >>> import tempfile
        >>> Manifest(Path(tempfile.mkdtemp())).current("html/a.html", "d1")
        False
        """
        entry = self.entries.get(output)
        if not entry or entry.get("inputs") != digest or not entry.get("sha256"):
            return False
        path = self.root / output
        try:
            st = path.stat()
        except OSError:
            return False
        if st.st_size != entry.get("bytes"):
            return False
        if st.st_mtime_ns == entry.get("mtime_ns") and entry.get("checked_ns", 0) - st.st_mtime_ns > RACY_NS:
            return True
        try:
            if file_digest(path, cached=False) != entry["sha256"]:
                return False
        except OSError:
            return False
        entry.update(mtime_ns=st.st_mtime_ns, checked_ns=time.time_ns())
        self._dirty.add(output)
        return True

    def record(self, output: str, entry: dict) -> None:
        """Set the record of ``output``, with the size, time and sha256 of the file as it is now (see :meth:`save`).

        >>> m = Manifest("/nonexistent"); m.record("x", {"inputs": "d"}); m.entries["x"]["inputs"]
        'd'
        """
        entry = dict(entry, recorded=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
        path = self.root / output
        try:
            st = path.stat()
        except OSError:
            st = None
        if st is not None:
            entry.update(bytes=st.st_size, mtime_ns=st.st_mtime_ns, checked_ns=time.time_ns())
            if "sha256" not in entry:  # a worker hashed what it wrote; only then is the file not read again
                entry["sha256"] = file_digest(path)
        self.entries[output] = entry
        self._dirty.add(output)
        self._gone.discard(output)

    def forget(self, output: str) -> None:
        """Drop the record of ``output``.

        >>> m = Manifest("/nonexistent"); m.forget("x"); m.entries
        {}
        """
        self.entries.pop(output, None)
        self._dirty.discard(output)
        self._gone.add(output)

    def _connect(self) -> sqlite3.Connection:
        """The connection for writing, kept open between saves (a save is then one WAL append), created with
        the database (an unreadable one set aside first). A process forked meanwhile opens its own."""
        if self._con is not None and self._con_pid == os.getpid():
            return self._con
        if self._replace:
            if self.path.exists() or self.path.is_symlink():
                os.replace(self.path, self.path.with_name(self.path.name + UNREADABLE_SUFFIX))
            for suffix in ("-wal", "-shm", "-journal"):  # SQLite's own files of the old database
                self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
            self._replace = False
            self._dirty |= set(self.entries)
        con = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        try:
            con.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=NORMAL")
            if con.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
                con.executescript(TABLES)  # each statement may run twice (two first runs at once): no harm
        except BaseException:
            con.close()
            raise
        self._con, self._con_pid = con, os.getpid()
        return con

    def close(self) -> None:
        """Close the database (its write-ahead log is folded in); the next save opens it again.

        >>> Manifest("/nonexistent").close()
        """
        con, self._con = self._con, None
        if con is not None and self._con_pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                con.close()

    def _write(self, work) -> object:
        """Run ``work(con)`` in one write transaction; a failure is a :class:`ManifestError` naming the database."""
        try:
            con = self._connect()
            con.execute("BEGIN IMMEDIATE")
            try:
                result = work(con)
                con.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    con.execute("ROLLBACK")
                raise
            return result
        except sqlite3.Error as exc:
            self.close()  # a full disk or damage: the next save starts afresh
            if getattr(exc, "sqlite_errorcode", None) == SQLITE_FULL or "full" in str(exc):
                raise ManifestError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.path)) from None
            raise ManifestError(errno.EIO, f"manifest not written ({exc})", str(self.path)) from None
        except OSError as exc:
            self.close()
            raise ManifestError(exc.errno, exc.strerror or str(exc), str(self.path)) from None

    def save(self) -> int:
        """Write the records changed since the last save, in one transaction; return how many rows changed.

        >>> Manifest("/nonexistent").save()
        0
        """
        if not (self._dirty or self._gone or self._replace):
            return 0
        rows = [(rel, encode(self.entries[rel])) for rel in sorted(self._dirty) if rel in self.entries]
        gone = [(rel,) for rel in self._gone]

        def work(con):
            con.executemany(UPSERT, rows)
            con.executemany("DELETE FROM outputs WHERE path = ?", gone)

        self._write(work)
        self._dirty.clear()
        self._gone.clear()
        return len(rows) + len(gone)

    def begin_run(self, run_id: str) -> list[str]:
        """Record that run ``run_id`` (this process) writes into the folder; return the ids of earlier runs
        that are over without having cleaned up (killed), whose temporary files may now be removed.

        >>> import tempfile
        >>> m = Manifest(Path(tempfile.mkdtemp())); m.begin_run(new_run_id()), m.begin_run(new_run_id())
        ([], [])
        """
        host = socket.gethostname()

        def work(con):
            rows = con.execute("SELECT id, host, pid FROM runs").fetchall()
            over = [rid for rid, h, pid in rows if h == host and not _pid_alive(pid)]
            con.executemany("DELETE FROM runs WHERE id = ?", [(rid,) for rid in over])
            con.execute("INSERT OR REPLACE INTO runs(id, host, pid, started) VALUES (?, ?, ?, ?)",
                        (run_id, host, os.getpid(), time.strftime("%Y-%m-%dT%H:%M:%S%z")))
            return [rid for rid in over if isinstance(rid, str) and RUN_ID.fullmatch(rid)]

        return self._write(work)

    def end_run(self, run_id: str) -> None:
        """Run ``run_id`` is over and left no temporary file: forget it.

        >>> import tempfile
        >>> m = Manifest(Path(tempfile.mkdtemp())); run = new_run_id(); _ = m.begin_run(run); m.end_run(run)
        """
        self._write(lambda con: con.execute("DELETE FROM runs WHERE id = ?", (run_id,)))
