"""Command line: thin click commands, each calling one library function.

Exit codes (``check``): 0 no conflict at or above ``--fail-on``; 1 conflicts at or above it;
2 usage error, bad configuration, or no input could be read; 3 nothing at or above
``--fail-on`` but some inputs were skipped (named on stderr and in the report).
"""

from __future__ import annotations

import os
import sqlite3
import sys

import click

from . import __version__
from .cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from .ingest import DEFAULT_INCLUDE

FORMATS = ("html", "json", "text", "sarif", "github", "csv")
EXTENSIONS = {
    "html": ".html",
    "json": ".json",
    "text": ".txt",
    "sarif": ".sarif",
    "github": ".github.txt",
    "csv": ".csv",
}
STDOUT_FORMATS = ("text", "github")
LEVELS = {"none": 99, "low": 0, "medium": 1, "high": 2}
SEVERITY_RANK = {"low": 0, "medium": 1, "high": 2}
DEFAULT_DIR = "reports"


def _render(report, fmt: str) -> str:
    if fmt == "sarif":
        from .report.sarif import render_sarif

        return render_sarif(report)
    if fmt == "github":
        from .report.github import render_github

        return render_github(report)
    if fmt == "csv":
        from .report.csv_report import render_csv

        return render_csv(report)
    if fmt == "json":
        from .report.json_report import render_json

        return render_json(report)
    if fmt == "html":
        from .report.html import render_html

        return render_html(report)
    from .report.text import render_text

    return render_text(report)


def _settings(config: str | None):
    from .config import ConfigError, find_config, load_settings

    try:
        return load_settings(config or find_config("."))
    except ConfigError as exc:
        click.echo(f"factcheck: config: {exc}", err=True)
        sys.exit(2)


def _targets(formats: tuple[str, ...], output: str | None) -> list[tuple[str, str]]:
    """(format, path) for each format; '-' is stdout. Several formats share --output's stem."""
    out = []
    for fmt in formats:
        if output == "-":
            out.append((fmt, "-"))
        elif output:
            path = output if len(formats) == 1 else os.path.splitext(output)[0] + EXTENSIONS[fmt]
            out.append((fmt, path))
        elif fmt in STDOUT_FORMATS:
            out.append((fmt, "-"))
        else:
            out.append((fmt, os.path.join(DEFAULT_DIR, "report" + EXTENSIONS[fmt])))
    return out


class TerminalProgress:
    """A one-line progress display on stderr, only when stderr is a terminal."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.last = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        line = f"factcheck: {stage} {done + 1}/{total}" if total else f"factcheck: {stage}"
        if line != self.last:
            self.stream.write("\r" + line.ljust(len(self.last)))
            self.stream.flush()
            self.last = line

    def close(self) -> None:
        if self.last:
            self.stream.write("\r" + " " * len(self.last) + "\r")
            self.stream.flush()


def progress_for(quiet: bool):
    stream = sys.stderr
    return None if quiet or not stream.isatty() else TerminalProgress(stream)


def _draft_document(path: str, draft_date: str | None):
    """The draft as a document dated ``draft_date``, else by its front matter, else today
    (raises ``InputError`` for a draft that cannot be read)."""
    import datetime as dt
    from dataclasses import replace

    from .ingest import read_document

    doc = read_document(path, "draft:" + os.path.splitext(os.path.basename(path))[0])
    published = draft_date or doc.published or dt.date.today().isoformat()
    return replace(doc, published=published, outlet=doc.outlet or "draft")


def _read_draft(path: str, draft_date: str | None):
    import datetime as dt

    from .ingest import InputError

    if draft_date:
        try:
            dt.date.fromisoformat(draft_date)
        except ValueError:
            click.echo(f"factcheck: --draft-date {draft_date!r} is not YYYY-MM-DD", err=True)
            sys.exit(2)
    try:
        return _draft_document(path, draft_date)
    except InputError as exc:
        click.echo(f"factcheck: draft {path}: {exc}", err=True)
        sys.exit(2)


def _apply_baseline(report, path: str, quiet: bool):
    from dataclasses import replace

    from .baseline import BaselineError, load_baseline

    try:
        known = load_baseline(path)
    except BaselineError as exc:
        click.echo(f"factcheck: baseline: {exc}", err=True)
        sys.exit(2)
    kept = tuple(c for c in report.conflicts if c.fingerprint not in known)
    if not quiet and len(kept) != len(report.conflicts):
        click.echo(
            f"factcheck: {len(report.conflicts) - len(kept)} known findings hidden by {path}",
            err=True,
        )
    return replace(report, conflicts=kept)


def _echo_problems(report, shown: set | None = None) -> None:
    """Skipped inputs and warnings on stderr (those not in ``shown``, which gains them)."""
    lines = [f"factcheck: skipped {s.path}: {s.reason}" for s in report.skipped]
    lines += [f"factcheck: warning: {w.path}: {w.reason}" for w in report.warnings]
    for line in lines:
        if shown is None or line not in shown:
            click.echo(line, err=True)
    if shown is not None:
        shown.clear()
        shown.update(lines)


def _write_reports(report, formats: tuple[str, ...], output: str | None, quiet: bool) -> None:
    from .report import write_atomic

    for fmt, path in _targets(formats, output):
        text = _render(report, fmt)
        if path == "-":
            click.echo(text, nl=False)
        else:
            write_atomic(path, text)
            if not quiet:
                click.echo(f"factcheck: wrote {fmt} report to {path}", err=True)


config_option = click.option(
    "--config",
    type=click.Path(dir_okay=False),
    default=None,
    help="Configuration file (default: ./factcheck.toml, else [tool.factcheck] in ./pyproject.toml).",
)


def cache_options(f):
    f = click.option(
        "--no-cache", is_flag=True, help="Analyse every file again; do not read or write the cache."
    )(f)
    return click.option(
        "--cache-dir",
        type=click.Path(file_okay=False),
        envvar="FACTCHECK_CACHE_DIR",
        default=DEFAULT_CACHE_DIR,
        show_default=True,
        help="Folder of the per-file analysis cache (env FACTCHECK_CACHE_DIR).",
    )(f)


def _open_cache(cache_dir: str, no_cache: bool, settings, quiet: bool = False):
    """The analysis cache, or None; a cache that cannot be used never stops a run."""
    if no_cache:
        return None
    from .cache import Cache

    try:
        cache = Cache(cache_dir, settings.outlets)
    except (OSError, sqlite3.Error) as exc:
        click.echo(f"factcheck: warning: cache disabled ({cache_dir}: {exc})", err=True)
        return None
    if cache.rebuilt and not quiet:
        click.echo(
            f"factcheck: warning: {cache.path} was {cache.rebuilt}; set aside as .bad and rebuilt",
            err=True,
        )
    return cache


def _run_cached(inputs, settings, cache_dir: str, no_cache: bool, quiet: bool = False, **options):
    """``pipeline.run`` with the analysis cache opened for it and closed after."""
    from .pipeline import run

    cache = _open_cache(cache_dir, no_cache, settings, quiet)
    try:
        return run(inputs, settings, cache=cache, **options)
    finally:
        if cache:
            cache.close()


@click.group()
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """Find facts that disagree across Korean news coverage of the same story."""
    from .pipeline import without_cycle_collection

    # for the whole command, rendering included (see without_cycle_collection)
    click.get_current_context().with_resource(without_cycle_collection())


_CHECK_OPTIONS = (
    click.argument("inputs", nargs=-1, required=True, type=click.Path()),
    click.option(
        "--format",
        "formats",
        type=click.Choice(FORMATS),
        multiple=True,
        help="Report format; repeat for several (default: html).",
    ),
    click.option(
        "--output",
        "-o",
        type=click.Path(),
        default=None,
        help="Output file ('-' for stdout). Default: reports/report.<ext>, text to stdout.",
    ),
    click.option("--quiet", "-q", is_flag=True, help="No summary on stderr."),
    click.option(
        "--draft",
        type=click.Path(dir_okay=False),
        default=None,
        help="A draft to check against INPUTS: only conflicts between the draft and the coverage.",
    ),
    click.option(
        "--draft-date",
        default=None,
        help="Publication date of the draft (YYYY-MM-DD) for relative dates; default: its front matter, else today.",
    ),
    click.option(
        "--baseline",
        type=click.Path(dir_okay=False),
        default=None,
        help="Report only findings not in this baseline file (see `factcheck baseline`).",
    ),
    click.option(
        "--include",
        multiple=True,
        help="Glob of files to read in folders (repeatable; default: txt, md, html, jsonl, csv).",
    ),
    click.option("--exclude", multiple=True, help="Glob of files to skip in folders (repeatable)."),
    click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=None,
        help="Cores for analysis: kiwipiepy threads, or worker processes from 2,000 files (default: all cores). Results do not depend on it.",
    ),
    config_option,
    cache_options,
)


def check_options(f):
    """The options ``check`` and ``watch`` share, in the order ``--help`` lists them."""
    for option in reversed(_CHECK_OPTIONS):
        f = option(f)
    return f


@main.command()
@check_options
@click.option(
    "--fail-on",
    type=click.Choice(list(LEVELS)),
    default="high",
    show_default=True,
    help="Exit 1 when a conflict at or above this severity is found.",
)
def check(
    inputs,
    formats,
    output,
    fail_on,
    quiet,
    config,
    draft,
    draft_date,
    baseline,
    include,
    exclude,
    jobs,
    cache_dir,
    no_cache,
) -> None:
    """Check INPUTS (article files or folders) for facts that disagree across outlets."""
    settings = _settings(config)
    formats = formats or (("text",) if draft else ("html",))
    draft_doc = _read_draft(draft, draft_date) if draft else None
    progress = progress_for(quiet)
    report = _run_cached(
        inputs,
        settings,
        cache_dir,
        no_cache,
        quiet,
        draft=draft_doc,
        progress=progress,
        include=include or DEFAULT_INCLUDE,
        exclude=exclude,
        jobs=jobs or os.cpu_count() or 1,
    )
    if progress:
        progress.close()
    if baseline:
        report = _apply_baseline(report, baseline, quiet)
    _echo_problems(report)
    if not report.documents:
        click.echo("factcheck: no input could be read", err=True)
        sys.exit(2)
    _write_reports(report, formats, output, quiet)
    if not quiet:
        click.echo(
            f"factcheck: {len(report.documents)} articles, {report.claim_count} claims, "
            f"{len(report.conflicts)} conflicts",
            err=True,
        )
    threshold = LEVELS[fail_on]
    failing = sum(SEVERITY_RANK[c.severity] >= threshold for c in report.conflicts)
    if failing:
        if not quiet:
            # the report is written; the exit status is the finding (as a linter's is)
            click.echo(
                f"factcheck: exit status 1: {failing} conflict(s) at or above {fail_on} "
                "(--fail-on none always exits 0)",
                err=True,
            )
        sys.exit(1)
    if report.skipped:
        sys.exit(3)  # nothing to fail on, but some inputs were not checked


@main.command()
@check_options
@click.option(
    "--interval",
    type=click.FloatRange(min=0.05),
    default=1.0,
    show_default=True,
    help="Seconds between looks at the inputs' stats.",
)
def watch(
    inputs,
    formats,
    output,
    quiet,
    config,
    draft,
    draft_date,
    baseline,
    include,
    exclude,
    jobs,
    cache_dir,
    no_cache,
    interval,
) -> None:
    """Check INPUTS, then again whenever an article (or the draft, or the configuration)
    changes, rewriting the reports; stop with Ctrl-C.

    One process for the session: Kiwi stays loaded and the analyses stay in memory, so a
    run after one file changed takes a few seconds even over a large archive.
    """
    import time

    from .config import ConfigError, find_config, load_settings
    from .ingest import InputError
    from .watch import Watcher

    config_path = config or find_config(".")
    last_good = _settings(config)  # a configuration with an error at the start: exit 2
    formats = formats or (("text",) if draft else ("html",))
    if draft:
        _read_draft(draft, draft_date)  # a draft unreadable at the start is a usage error

    def current_settings():
        nonlocal last_good
        try:
            last_good = load_settings(config_path)
        except ConfigError as exc:
            click.echo(f"factcheck: config: {exc} (the previous configuration is kept)", err=True)
        return last_good

    watcher = Watcher(
        list(inputs),
        current_settings,
        None if no_cache else cache_dir,
        include or DEFAULT_INCLUDE,
        exclude,
        jobs or os.cpu_count() or 1,
        (lambda: _draft_document(draft, draft_date)) if draft else (lambda: None),
        [draft, config_path],
    )
    shown: set[str] = set()
    before: set[str] | None = None  # the fingerprints of the last report's findings
    try:
        while True:
            watcher.wait_for_change(interval)
            started = time.perf_counter()
            try:
                report = watcher.check()
            except InputError as exc:  # the draft, being saved or gone
                click.echo(f"factcheck: draft {draft}: {exc}; waiting for a change", err=True)
                continue
            if baseline:
                report = _apply_baseline(report, baseline, quiet)
            _echo_problems(report, shown)
            if not report.documents:
                click.echo("factcheck: no input could be read; waiting for a change", err=True)
                continue
            _write_reports(report, formats, output, quiet)
            now = {c.fingerprint for c in report.conflicts}
            if not quiet:
                change = (
                    ""
                    if before is None
                    else f" ({len(now - before)} new, {len(before - now)} gone)"
                )
                click.echo(
                    f"factcheck: {time.strftime('%H:%M:%S')} {len(report.documents)} articles, "
                    f"{len(report.conflicts)} conflicts{change}; {watcher.analysed} "
                    f"file{'' if watcher.analysed == 1 else 's'} "
                    f"analysed in {time.perf_counter() - started:.1f} s; watching",
                    err=True,
                )
            before = now
    except KeyboardInterrupt:
        if not quiet:
            click.echo("factcheck: stopped watching", err=True)
    finally:
        watcher.close()


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    help="Only claims of this kind (money, count, date, place, ...).",
)
@config_option
@cache_options
def claims(inputs, fmt, kinds, config, cache_dir, no_cache) -> None:
    """Print the claims extracted from INPUTS, to see why something was or was not flagged."""
    from .claims_table import claims_frame

    settings = _settings(config)
    report = _run_cached(inputs, settings, cache_dir, no_cache)
    for skipped in report.skipped:
        click.echo(f"factcheck: skipped {skipped.path}: {skipped.reason}", err=True)
    frame = claims_frame(report)
    if kinds:
        frame = frame[frame["kind"].isin(kinds)]
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif fmt == "json":
        click.echo(frame.to_json(orient="records", force_ascii=False, indent=2))
    else:
        import pandas as pd

        with pd.option_context(
            "display.max_rows",
            None,
            "display.max_columns",
            None,
            "display.width",
            200,
            "display.max_colwidth",
            40,
        ):
            click.echo(frame.drop(columns=["sentence"]).to_string(index=False))
    if not report.documents:
        sys.exit(2)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    default=".factcheck-baseline.json",
    show_default=True,
)
@config_option
@cache_options
def baseline(inputs, output, config, cache_dir, no_cache) -> None:
    """Record the current findings on INPUTS so that later runs report only new ones."""
    from .baseline import render_baseline
    from .report import write_atomic

    settings = _settings(config)
    report = _run_cached(inputs, settings, cache_dir, no_cache)
    if not report.documents:
        click.echo("factcheck: no input could be read", err=True)
        sys.exit(2)
    write_atomic(output, render_baseline(report))
    click.echo(
        f"factcheck: baseline of {len(report.conflicts)} findings written to {output}", err=True
    )


if __name__ == "__main__":  # pragma: no cover
    main()
