"""A content-addressed cache of per-file analyses (SQLite in a cache folder).

An entry is keyed by the file's bytes, its path and document id, and a fingerprint of the
tool (its version and the code and data that analyse a document) and of the configuration
that changes what is read (the user's outlet table). A second run on an unchanged corpus, or
with one changed file, analyses only what changed.

The conflicts found in a story are kept too (``CachedStory``), keyed by everything they are
computed from: the story's files, its repost groups, the settings, and the IDF of every
feature its claims' contexts use (``pipeline.StoryKeys``). Only stories whose key changed
are aligned and checked again. So are the story clustering's candidate pairs and link
scores (``align.StoryPairs``), in one entry per cache folder and configuration that each run
over the corpus replaces: a run over the same documents scores again only the pairs of
documents that changed.

Reading every file only to hash it is most of a warm run's input cost, so the cache also
records each file's ``os.stat`` (size, modification and change times, inode) with the key
its bytes gave: a file whose stat is unchanged is not read again (as git's index and ruff's
cache do). A stat is recorded only when the file is older than ``RACY_SECONDS``, so a file
rewritten within one tick of the file system's clock is never mistaken for unchanged.

Never trusted blindly: a file that is not our SQLite database (foreign, truncated, another
schema) is moved aside and rebuilt, and every entry carries a
SHA-256 of its payload that is checked before the payload is read; a bad entry is dropped
and the file analysed again. Payloads are pickles, so the cache folder must be as private
as the code that reads it (the same trust as ``__pycache__``).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import pickle
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .models import Conflict, DocumentAnalysis

DEFAULT_DIR = ".factcheck-cache"
APPLICATION_ID = 0x46434B31  # "FCK1": marks the database file as ours
SCHEMA = "1"
PRUNE_DAYS = 30
# A file changed this recently may change again within the same timestamp (2 s on FAT, 1 s
# on some network file systems): its stat is not recorded, its bytes are read next time.
RACY_SECONDS = 2
_FILE_TABLE = (
    "CREATE TABLE IF NOT EXISTS file (id TEXT PRIMARY KEY, stat TEXT NOT NULL,"
    " key TEXT NOT NULL, used INTEGER NOT NULL)"
)
_ENTRY_USED_INDEX = "CREATE INDEX IF NOT EXISTS entry_used ON entry (used)"
# Kept entries written together from this many on (a cold run's analyses go to the file as
# they come, in case it is cut short; a watched run's few wait for ``flush``).
WRITE_BATCH = 200
_LOOKUP_CHUNK = 500  # keys per SELECT ... IN (...) (SQLite allows 999 parameters)


@dataclass(frozen=True)
class CachedFile:
    analyses: tuple[DocumentAnalysis, ...]
    problems: tuple[tuple[str, str], ...]  # rows of an export that could not be read


@dataclass(frozen=True)
class CachedStory:
    """The conflicts found in one story, their claims included: a story taken from the
    cache needs nothing of its files' analyses but their keys (its claims stay pickled)."""

    conflicts: tuple[Conflict, ...]

    def from_documents(self, members: tuple[str, ...]) -> bool:
        """Every claim is one of the story's documents'. Cannot fail for a sound key;
        checked all the same rather than trusted."""
        allowed = set(members)
        return all(c.doc_id in allowed for x in self.conflicts for side in x.sides for c in side)


@functools.cache
def code_fingerprint() -> str:
    """Version plus a hash of the package's code and data: an edited rule or unit table
    invalidates entries even when nobody bumps the version."""
    h = hashlib.sha256(__version__.encode())
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml") and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


class Cache:
    """Per-file analyses in ``folder/analyses.sqlite``; see the module docstring."""

    def __init__(
        self,
        folder: str | None,
        outlets: dict[str, list[str]] | None = None,
        keep: bool = False,
    ) -> None:
        """``outlets``: the user's outlet table, the one setting that changes what is read.

        ``folder`` None: a cache in memory, gone with the process. ``keep``: every entry read
        or written also stays here as the object it is, for a process that runs again over
        the same files (``watch``): a second run finds it without unpickling it (most of
        what a warm run costs: 2.3 of its 5.5 s at 10k articles, measured). Entries are
        immutable, so sharing them between runs is safe; ``forget_unused`` bounds them.
        """
        self.path = os.path.join(folder, "analyses.sqlite") if folder else ":memory:"
        self.keep = keep or folder is None
        self._kept: dict[str, Any] = {}  # key -> entry, with ``keep``
        self._kept_files: dict[str, tuple[str, str]] = {}  # file id -> (stat, key)
        self._used: set[str] = set()  # keys and file ids used since ``forget_unused``
        self._file_ids: dict[tuple[str, str], str] = {}  # (path, document id) -> file id
        self._unwritten: list[tuple[str, Any]] = []  # kept entries ``flush`` writes
        config = json.dumps(outlets or {}, sort_keys=True, ensure_ascii=False)
        self.salt = hashlib.sha256(f"{code_fingerprint()}|{config}".encode()).hexdigest()
        self.rebuilt: str | None = None  # why an unusable cache file was replaced
        self.hits = self.misses = 0  # files
        self.story_hits = self.story_misses = 0
        self.today = int(time.time() // 86400)
        self._touched: list[str] = []
        self._touched_files: list[str] = []
        self._stats: list[tuple[str, str, str, int]] = []  # file rows to write
        if folder:
            os.makedirs(folder, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            self._set_aside(f"unreadable cache ({exc})")
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
            if not tables and app_id == 0:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
                db.execute(
                    "CREATE TABLE entry (key TEXT PRIMARY KEY, digest TEXT NOT NULL,"
                    " payload BLOB NOT NULL, used INTEGER NOT NULL)"
                )
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA,))
                db.execute(_FILE_TABLE)
                db.execute(_ENTRY_USED_INDEX)
                return db
            meta = dict(db.execute("SELECT key, value FROM meta")) if "meta" in tables else {}
        except sqlite3.DatabaseError:
            db.close()
            raise
        if app_id != APPLICATION_ID or meta.get("schema") != SCHEMA:
            db.close()
            self._set_aside("not a factcheck cache")
            return self._open()
        # Entries of other tool versions or configurations are never found (the key holds
        # both) and age out: anything unused for PRUNE_DAYS is deleted. Found by the index
        # on ``used``: without it each open read every entry's payload to reach the column
        # after it (0.25 s of a warm 10k run, measured; a cache written before the index
        # gains it here, once).
        db.execute(_ENTRY_USED_INDEX)
        db.execute("DELETE FROM entry WHERE used < ?", (self.today - PRUNE_DAYS,))
        db.execute(_FILE_TABLE)  # a cache written before stats were recorded gains the table
        db.execute("DELETE FROM file WHERE used < ?", (self.today - PRUNE_DAYS,))
        return db

    def _set_aside(self, why: str) -> None:
        """Keep the unusable file for inspection (never delete what we did not write)."""
        self.rebuilt = why
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(self.path + suffix):
                os.replace(self.path + suffix, self.path + suffix + ".bad")

    def _identity(self, path: str, doc_id: str) -> str:
        # The path as given is part of it: documents keep that path, and a report must not
        # show the path of an earlier run made from another folder.
        return f"{self.salt}\0{os.path.abspath(path)}\0{path}\0{doc_id}\0"

    def _file_id(self, path: str, doc_id: str) -> str:
        """The row of ``path`` in the table of recorded stats."""
        if (path, doc_id) in self._file_ids:
            return self._file_ids[path, doc_id]
        file_id = hashlib.sha256(self._identity(path, doc_id).encode()).hexdigest()
        if self.keep:  # the same for the whole process (the working folder included)
            self._file_ids[path, doc_id] = file_id
        return file_id

    def key(self, path: str, doc_id: str, data: bytes) -> str:
        """The cache key of a file's analyses: its identity, its bytes and the salt."""
        h = hashlib.sha256(self._identity(path, doc_id).encode())
        h.update(data)
        return h.hexdigest()

    def stat(self, path: str) -> str | None:
        """What ``known_keys`` compares to tell that a file is unchanged, taken before its
        bytes are read; None when the file is too new to be sure of (``RACY_SECONDS``)."""
        try:
            st = os.stat(path)
        except OSError:
            return None
        if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_SECONDS * 10**9:
            return None
        return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"

    def files_recorded(self) -> int:
        """How many files' stats the cache holds (cheap: a count, no rows read)."""
        try:
            return self.db.execute("SELECT count(*) FROM file").fetchone()[0]
        except sqlite3.DatabaseError:
            return 0

    def known_keys(self, files: list[tuple[str, str]]) -> dict[str, str]:
        """path -> cache key, for the (path, document id) ``files`` whose stat is the one
        recorded with that key: their bytes need not be read to find their analyses."""
        ids = {self._file_id(p, d): p for p, d in files}
        rows = [(i, *self._kept_files[i], self.today) for i in ids if i in self._kept_files]
        rows += self._select(
            "SELECT id, stat, key, used FROM file WHERE id IN",
            [i for i in ids if i not in self._kept_files],
        )
        known = {}
        for file_id, recorded, key, used in rows:
            path = ids[file_id]
            if self.stat(path) == recorded:
                known[path] = key
                if used != self.today:
                    self._touched_files.append(file_id)
                if self.keep:
                    self._kept_files[file_id] = (recorded, key)
                    self._used.add(file_id)
        return known

    def remember(self, path: str, doc_id: str, stat: str | None, key: str) -> None:
        """Record that ``path`` had ``stat`` (taken before reading it) when it gave ``key``."""
        if stat is not None:  # written with the next ``put_many``
            file_id = self._file_id(path, doc_id)
            self._stats.append((file_id, stat, key, self.today))
            if self.keep:
                self._kept_files[file_id] = (stat, key)
                self._used.add(file_id)

    def _select(self, query: str, keys: list[str]) -> list[tuple]:
        rows: list[tuple] = []
        try:
            for lo in range(0, len(keys), _LOOKUP_CHUNK):
                chunk = keys[lo : lo + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                rows.extend(self.db.execute(f"{query} ({marks})", chunk).fetchall())
        except sqlite3.DatabaseError:
            return []
        return rows

    def get(self, key: str, kind: type = CachedFile, usable: Callable[[Any], bool] | None = None):
        """The entry of ``key`` if it is sound, a ``kind`` and ``usable`` (a check by its
        reader), else None (and it is dropped)."""
        if key in self._kept:
            value = self._kept_entry(key, kind, usable)
            if value is None:
                self._count(kind, hit=False)
            return value
        try:
            row = self.db.execute(
                "SELECT key, digest, payload, used FROM entry WHERE key = ?", (key,)
            ).fetchone()
        except sqlite3.DatabaseError:
            row = None
        value = self._load(row, kind, usable) if row else None
        if value is None:
            self._count(kind, hit=False)
        return value

    def get_many(
        self,
        keys: list[str],
        kind: type = CachedFile,
        usable: Callable[[str, Any], bool] | None = None,
        count_misses: bool = False,
    ) -> dict[str, Any]:
        """The sound entries of ``keys`` (each a ``kind``, and ``usable(key, entry)``), in
        one query per few hundred keys; a key missing from the answer is a miss, counted
        here with ``count_misses``, else by the caller (who may look it up again)."""

        def check(key: str) -> Callable[[Any], bool] | None:
            return (lambda value: usable(key, value)) if usable else None

        found = {}
        for key in keys:
            if key in self._kept:
                value = self._kept_entry(key, kind, check(key))
                if value is not None:
                    found[key] = value
        rows = self._select(
            "SELECT key, digest, payload, used FROM entry WHERE key IN",
            [k for k in keys if k not in self._kept],
        )
        for row in rows:
            value = self._load(row, kind, check(row[0]))
            if value is not None:
                found[row[0]] = value
        if count_misses:
            for key in keys:
                if key not in found:
                    self._count(kind, hit=False)
        return found

    def _load(self, row: tuple, kind: type, usable: Callable[[Any], bool] | None):
        key, digest, payload, used = row
        if hashlib.sha256(payload).hexdigest() == digest:
            try:
                value = pickle.loads(payload)
            except Exception:  # noqa: BLE001 - any unreadable payload is a miss
                value = None
            if isinstance(value, kind) and (usable is None or usable(value)):
                self._count(kind, hit=True)
                if used != self.today:
                    self._touched.append(key)
                if self.keep:
                    self._kept[key] = value
                    self._used.add(key)
                return value
        self._drop(key)
        return None

    def _kept_entry(self, key: str, kind: type, usable: Callable[[Any], bool] | None):
        """A kept entry, checked as one read from the file is (it may be of another kind,
        or not usable by this reader: a miss, as it would be from the file)."""
        value = self._kept[key]
        if isinstance(value, kind) and (usable is None or usable(value)):
            self._count(kind, hit=True)
            self._used.add(key)
            return value
        del self._kept[key]
        self._drop(key)
        return None

    def forget_unused(self) -> None:
        """Keep in memory only the entries used since the last call (one run's): what a
        changed file's earlier version left is let go, so memory stays that of one run."""
        used = self._used.union(k for k, _ in self._unwritten)  # never lost before written
        self._kept = {k: v for k, v in self._kept.items() if k in used}
        self._kept_files = {k: v for k, v in self._kept_files.items() if k in self._used}
        self._used = set()

    def _count(self, kind: type, hit: bool) -> None:
        if kind is CachedStory:
            self.story_hits += hit
            self.story_misses += not hit
        elif kind is CachedFile:
            self.hits += hit
            self.misses += not hit

    def put_many(self, entries: list[tuple[str, Any]]) -> None:
        """Store ``entries`` ((key, value) pairs). With ``keep`` they are kept at once and
        written by the next ``flush`` or with ``WRITE_BATCH`` waiting (a watched run's
        report does not wait for its few)."""
        if self.keep:
            for key, value in entries:
                self._kept[key] = value
                self._used.add(key)
            self._unwritten.extend(entries)
            if len(self._unwritten) < WRITE_BATCH:
                return
            entries, self._unwritten = self._unwritten, []
        self._write(entries)

    def _write(self, entries: list[tuple[str, Any]]) -> None:
        rows = []
        for key, value in entries:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            rows.append((key, hashlib.sha256(payload).hexdigest(), payload, self.today))
        touched, self._touched = self._touched, []
        files, self._touched_files = self._touched_files, []
        stats, self._stats = self._stats, []
        try:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?, ?, ?)", rows)
            self.db.executemany(
                "UPDATE entry SET used = ? WHERE key = ?", [(self.today, k) for k in touched]
            )
            self.db.executemany(
                "UPDATE file SET used = ? WHERE id = ?", [(self.today, k) for k in files]
            )
            self.db.executemany("INSERT OR REPLACE INTO file VALUES (?, ?, ?, ?)", stats)
            self.db.execute("COMMIT")
        except sqlite3.DatabaseError:
            # a cache that cannot be written (disk full, locked) only costs time next run
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")

    def _drop(self, key: str) -> None:
        with contextlib.suppress(sqlite3.DatabaseError):
            self.db.execute("DELETE FROM entry WHERE key = ?", (key,))

    def flush(self) -> None:
        """Write what waits: entries kept but not written yet, today's use of the entries
        read (so they are not pruned), the files' stats."""
        if self._unwritten or self._touched or self._touched_files or self._stats:
            entries, self._unwritten = self._unwritten, []
            self._write(entries)

    def close(self) -> None:
        self.flush()
        self.db.close()
