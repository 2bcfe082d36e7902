"""Check inputs again whenever an article changes (``factcheck watch``).

One process for the whole session, so nothing is loaded twice: its Kiwi stays loaded
(``analyze.load_kiwi_now``), and the cache keeps every file's analyses, every story's
conflicts and the story links in memory as objects as well as on disk (``Cache(keep=True)``).
A run after one file changed reads and analyses that file, scores its story links and
checks its story again; the rest is taken as it is. The report is the one a fresh
``factcheck check`` of the same files gives, byte for byte (tested).

Changes are found by polling stats, with no dependency and on any file system (network
drives and containers included, where change notifications are unreliable): each folder's
stat every ``interval`` (a file added, removed or renamed into place changes its folder's),
and each file's.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .analyze import load_kiwi_now
from .cache import RACY_SECONDS, Cache
from .config import Settings
from .ingest import DEFAULT_INCLUDE, list_inputs
from .models import Document, Report
from .pipeline import run, without_cycle_collection

Stat = tuple[int, int, int, int] | None  # mtime, ctime, size, inode; None: gone


def _stat(path: str) -> Stat:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)


def _folders(inputs: Iterable[str]) -> list[str]:
    """Every folder ``iter_paths`` would search (hidden ones are skipped there too)."""
    out = []
    for item in inputs:
        if os.path.isdir(item):
            for root, dirs, _ in os.walk(item):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.append(root)
    return out


@dataclass
class InputState:
    """The stats that tell whether anything a run reads has changed since it was taken."""

    folders: dict[str, Stat] = field(default_factory=dict)
    files: dict[str, Stat] = field(default_factory=dict)
    taken: int = field(default_factory=time.time_ns)  # before the stats were

    @staticmethod
    def listing_stats(inputs: list[str]) -> dict[str, Stat]:
        """The stats that fix what ``list_inputs`` finds: the named inputs' own (a file
        named may appear or vanish) and every folder's in them (listed afresh)."""
        return {f: _stat(f) for f in [*inputs, *_folders(inputs)]}

    def now(self) -> tuple[list[Stat], list[Stat]]:
        """The same folders' and files' stats as they are now."""
        return [_stat(f) for f in self.folders], [_stat(p) for p in self.files]

    def same_listing(self) -> bool:
        """No folder changed, nor a named input: the inputs list the same files."""
        return all(_stat(f) == s for f, s in self.folders.items())

    def listing_trusted(self) -> bool:
        """The same listing, and one that cannot hide a change: no folder had changed
        within ``RACY_SECONDS`` of its stat (a file system with a coarse clock may give a
        folder changed again within the same tick the same stat, as ``cache.stat`` says)."""
        return self.same_listing() and all(
            s is None or self.taken - max(s[0], s[1]) >= RACY_SECONDS * 10**9
            for s in self.folders.values()
        )

    def same_files(self) -> bool:
        return all(_stat(p) == s for p, s in self.files.items())


class Watcher:
    """Runs the pipeline over the same inputs as often as they change, in one process.

    ``draft`` is called before each run for the draft to check (``None`` without one);
    ``settings`` likewise, so that an edited configuration applies to the next run. Either
    may raise: the caller decides what to show. ``cache_dir`` None keeps the cache in
    memory only.
    """

    def __init__(
        self,
        inputs: list[str],
        settings: Callable[[], Settings],
        cache_dir: str | None,
        include: Iterable[str] = DEFAULT_INCLUDE,
        exclude: Iterable[str] = (),
        jobs: int = 1,
        draft: Callable[[], Document | None] = lambda: None,
        extra: Iterable[str] = (),
    ) -> None:
        self.inputs = list(inputs)
        self.settings = settings
        self.cache_dir = cache_dir
        self.include, self.exclude = tuple(include), tuple(exclude)
        self.jobs = jobs
        self.draft = draft
        self.extra = [p for p in extra if p]
        self.cache: Cache | None = None
        self._outlets: dict | None = None
        self._state: InputState | None = None  # as of the last run
        self._listing: tuple | None = None  # the last run's list_inputs
        self._kiwi_loader = None
        self.analysed = 0  # files the last run analysed (the cache did not have them)

    def changed(self) -> bool:
        """Whether an input changed since the last run (the first call: always)."""
        state = self._state
        return state is None or not (state.same_listing() and state.same_files())

    def check(self) -> Report:
        """Run over the inputs as they are now."""
        # Stats are taken before what they vouch for is read (the folders before listing
        # them, the files before the run reads them): a change made meanwhile is seen next.
        # No folder changed: the files are the ones listed last time (0.3–0.5 s at 10k).
        before = self._state
        if before is not None and self._listing is not None and before.listing_trusted():
            folders, listing, taken = before.folders, self._listing, before.taken
        else:
            taken = time.time_ns()
            folders = InputState.listing_stats(self.inputs)
            listing = list_inputs(self.inputs, self.include, self.exclude)
        self._listing = listing
        self._state = InputState(
            folders, {p: _stat(p) for p in [*(p for p, _ in listing[0]), *self.extra]}, taken
        )
        settings = self.settings()
        draft = self.draft()
        if self.cache is None or settings.outlets != self._outlets:
            # the outlet table is part of every cache key: a new table, a new cache
            if self.cache is not None:
                self.cache.close()
            self.cache = Cache(self.cache_dir, settings.outlets, keep=True)
            self._outlets = settings.outlets
        if self._kiwi_loader is not None:
            self._kiwi_loader.join()  # never two Kiwis loading, nor a fork while one loads
        misses = self.cache.misses
        with without_cycle_collection():
            report = run(
                self.inputs,
                settings,
                draft=draft,
                include=self.include,
                exclude=self.exclude,
                jobs=self.jobs,
                cache=self.cache,
                listing=listing,
            )
        self.analysed = self.cache.misses - misses + (draft is not None)  # a draft always is
        self.cache.forget_unused()
        if self._kiwi_loader is None:
            # load it while the user reads the report: the next run analyses here at once
            self._kiwi_loader = load_kiwi_now(self.jobs)
        return report

    def idle(self) -> None:
        """What is done between runs, while nothing is waiting: Kiwi finishes loading,
        and the few reference cycles a run made are collected."""
        if self.cache is not None:
            self.cache.flush()  # the run's new entries, written after its report
        if self._kiwi_loader is not None:
            self._kiwi_loader.join()
        # Runs keep the cycle collector off (``without_cycle_collection``). What survives
        # this pass is filed where the collector no longer traverses it (a full pass costs
        # ~0.7 s at 10k articles): each later pass looks only at what runs since have made.
        gc.collect()
        gc.freeze()

    def wait_for_change(self, interval: float, settle: float = 0.2) -> None:
        """Return once an input has changed and stayed unchanged for ``settle`` seconds
        (an editor saving in several writes is checked once)."""
        self.idle()
        while not self.changed():
            time.sleep(interval)
        if self._state is None:
            return
        before = self._state.now()
        while True:
            time.sleep(settle)
            after = self._state.now()
            if after == before:
                return
            before = after

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()
            self.cache = None
