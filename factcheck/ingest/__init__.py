"""Read input files into Documents; report what could not be read, never stop the run."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..models import Document, Skipped
from .body import find_body
from .decode import InputError, clean_text, decode_bytes
from .metadata import extract_metadata

Progress = Callable[[str, int, int], None]  # (stage, done, total)

MAX_BYTES = 20 * 1024 * 1024  # a news article is tens of KB; bigger files are not articles
MAX_EXPORT_BYTES = 200 * 1024 * 1024  # a JSONL/CSV export holds many articles
DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.markdown", "*.html", "*.htm", "*.jsonl", "*.csv")


@dataclass(frozen=True)
class Inputs:
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[Skipped, ...] = ()


def _glob(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for a set of globs (fnmatch's own translation); None for no globs."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{fnmatch.translate(os.path.normcase(p))})" for p in patterns))


def _matches(glob: re.Pattern[str] | None, rel: str, name: str) -> bool:
    """Whether a file's path relative to the named folder, or its name, matches a glob."""
    if glob is None:
        return False
    return bool(glob.match(os.path.normcase(rel)) or glob.match(os.path.normcase(name)))


def iter_paths(
    inputs: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = ()
) -> Iterator[tuple[str, str | None]]:
    """Yield (path, problem) for every file named, or found in a named folder (recursively,
    sorted, filtered by the include and exclude globs). A file named explicitly is always read."""
    include, exclude = tuple(include), tuple(exclude)
    wanted, unwanted = _glob(include), _glob(exclude)
    for item in inputs:
        if os.path.isdir(item):
            found = []
            for root, dirs, files in os.walk(item):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                folder = os.path.relpath(root, item)  # once per folder, not per file
                for name in files:
                    rel = name if folder == os.curdir else os.path.join(folder, name)
                    if (
                        name.startswith(".")
                        or not _matches(wanted, rel, name)
                        or _matches(unwanted, rel, name)
                    ):
                        continue
                    found.append(os.path.join(root, name))
            if not found:
                yield item, f"folder has no article files ({', '.join(include)})"
            yield from ((p, None) for p in sorted(found))
        elif os.path.isfile(item):
            yield item, None
        elif os.path.exists(item):
            yield item, "not a regular file"
        else:
            yield item, "no such file or folder"


def _kind(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    return {
        ".html": "html",
        ".htm": "html",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".csv": "csv",
    }.get(ext, "text")


def _read_bytes(path: str, limit: int) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > limit:
            raise InputError(
                f"file is {size // (1024 * 1024)} MB; files over {limit // (1024 * 1024)} MB are not read"
            )
        with open(path, "rb") as fh:
            return fh.read()
    except PermissionError as exc:
        raise InputError("permission denied") from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc


def read_bytes(path: str) -> bytes:
    """A file's bytes, refused when over the size limit for its kind."""
    return _read_bytes(path, MAX_EXPORT_BYTES if _kind(path) in ("jsonl", "csv") else MAX_BYTES)


def read_file(
    path: str, doc_id: str, data: bytes | None = None
) -> tuple[list[Document], list[tuple[str, str]]]:
    """All documents in one file (an export holds many) and the rows that could not be read.

    ``data``: the file's bytes when the caller has read them already.
    """
    from .readers import read_export, read_html

    kind = _kind(path)
    if data is None:
        data = read_bytes(path)
    raw = decode_bytes(data)
    if kind == "html":
        return [read_html(raw, doc_id, path)], []
    if kind in ("jsonl", "csv"):
        return read_export(raw, path, kind)
    return [document_from_text(raw, doc_id, path)], []


def read_document(path: str, doc_id: str) -> Document:
    """The one article in ``path`` (a draft, a page); an export is not one article."""
    docs, problems = read_file(path, doc_id)
    if len(docs) != 1:
        raise InputError(problems[0][1] if problems else f"holds {len(docs)} articles, not one")
    return docs[0]


def document_from_text(raw: str, doc_id: str, path: str) -> Document:
    """A Document from decoded page text (a scrape with boilerplate, or a clean article)."""
    text, _ = clean_text(raw)
    if not re.search(r"[가-힣]", text):
        raise InputError("no Korean text")
    body = find_body(text)
    if not body:
        raise InputError("no article body found (no sentence-like Korean lines)")
    meta = extract_metadata(text, body)
    front = front_matter(text)
    return Document(
        id=doc_id,
        path=path,
        text=text,
        body_spans=body,
        title=front.get("title") or meta.title,
        outlet=front.get("outlet") or meta.outlet,
        published=front.get("published") or meta.published,
        published_time=meta.published_time,
        repost_of=meta.repost_of,
        reposted_by=meta.reposted_by,
        repost_group=None,
    )


_FRONT_KEYS = {
    "title": "title",
    "제목": "title",
    "date": "published",
    "published": "published",
    "pubdate": "published",
    "날짜": "published",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "매체": "outlet",
    "site_name": "outlet",
}


def front_matter(text: str) -> dict[str, str]:
    """Simple YAML front matter of a content repository's article (``---`` ... ``---``)."""
    m = re.match(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", text, re.S)
    if not m:
        return {}
    out: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        field = _FRONT_KEYS.get(key.strip().lower())
        value = value.strip().strip("'\"")
        if not sep or not field or not value:
            continue
        if field == "published":
            d = re.match(r"((?:19|20)\d\d)[-./](\d{1,2})[-./](\d{1,2})", value)
            if not d:
                continue
            value = f"{int(d[1]):04d}-{int(d[2]):02d}-{int(d[3]):02d}"
        out[field] = value
    return out


def doc_ids(paths: list[str]) -> dict[str, str]:
    """Stable ids: the file stem, made unique by its parent folder when stems collide."""
    stems: dict[str, list[str]] = {}
    for p in paths:
        stems.setdefault(os.path.splitext(os.path.basename(p))[0], []).append(p)
    out = {}
    for stem, group in stems.items():
        for p in group:
            if len(group) == 1:
                out[p] = stem
            else:
                parent = os.path.basename(os.path.dirname(os.path.abspath(p)))
                out[p] = f"{parent}/{stem}"
    return out


def list_inputs(
    inputs: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = ()
) -> tuple[list[tuple[str, str]], list[Skipped]]:
    """(path, document id) of every input file to read, and the inputs that cannot be."""
    skipped: list[Skipped] = []
    seen: set[str] = set()
    good = []
    for path, problem in iter_paths(inputs, include, exclude):
        if problem:
            skipped.append(Skipped(path, problem))
        elif (where := os.path.abspath(path)) not in seen:
            seen.add(where)
            good.append(path)
    ids = doc_ids(good)
    return [(p, ids[p]) for p in good], skipped


def undated_warnings(docs: Iterable[Document]) -> tuple[Skipped, ...]:
    return tuple(
        Skipped(
            d.path if d.source_row is None else f"{d.path} row {d.source_row}",
            "no publication date found: relative dates in it stay unresolved",
        )
        for d in docs
        if d.published is None
    )


def read_inputs(
    inputs: Iterable[str],
    progress: Progress | None = None,
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = (),
) -> Inputs:
    files, skipped = list_inputs(inputs, include, exclude)
    docs: list[Document] = []
    for i, (path, doc_id) in enumerate(files):
        if progress:
            progress("reading", i, len(files))
        try:
            found, problems = read_file(path, doc_id)
        except InputError as exc:
            skipped.append(Skipped(path, str(exc)))
            continue
        docs.extend(found)
        skipped.extend(Skipped(where, why) for where, why in problems)
    return Inputs(tuple(docs), tuple(skipped), undated_warnings(docs))
