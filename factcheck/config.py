"""User configuration: ``factcheck.toml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

Looked up in the current folder unless ``--config`` names a file. Keys (all optional)::

    [tool.factcheck]                 # or top level of factcheck.toml
    min_similarity = 0.35            # alignment threshold (0..1): higher = fewer, surer findings
    story_similarity = 0.25          # document cosine that links two articles into one story
    story_window_days = 45           # articles published further apart are never one story
    repost_similarity = 90           # body similarity (0..100) for a syndicated copy
    disable = ["place-near-miss"]    # rules to switch off (names or codes)
    ignore = ["3f2a…"]               # finding fingerprints to suppress (see the JSON report)

    [tool.factcheck.outlets]         # outlets the built-in table does not know
    "가온일보" = ["가온", "gaon.example"]   # other names, web domains (e-mail addresses)

    [tool.factcheck.aliases]         # names of one thing written differently
    "KT AI lab" = "KTAIlab"
    "삼성동 코엑스" = "코엑스"
"""

from __future__ import annotations

import os
import sys
from dataclasses import fields

from .align import Settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KNOWN_KEYS = {
    "outlets",
    "min_similarity",
    "story_similarity",
    "story_window_days",
    "repost_similarity",
    "disable",
    "ignore",
    "aliases",
}


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and the key."""


def find_config(start: str = ".") -> str | None:
    for name in ("factcheck.toml", "pyproject.toml"):
        path = os.path.join(start, name)
        if os.path.isfile(path):
            if name == "pyproject.toml" and "factcheck" not in _load(path).get("tool", {}):
                continue
            return path
    return None


def _load(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def load_settings(path: str | None) -> Settings:
    """Settings from a config file (defaults when ``path`` is None)."""
    if path is None:
        return Settings()
    data = _load(path)
    if os.path.basename(path) == "pyproject.toml" or "tool" in data:
        data = data.get("tool", {}).get("factcheck", {})
    unknown = set(data) - KNOWN_KEYS
    if unknown:
        raise ConfigError(
            f"{path}: unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(KNOWN_KEYS))}"
        )
    values: dict = {}
    for f in fields(Settings):
        if f.name in data:
            values[f.name] = data[f.name]
    for key in ("min_similarity", "story_similarity", "repost_similarity", "story_window_days"):
        if key in values and not isinstance(values[key], (int, float)):
            raise ConfigError(f"{path}: {key} must be a number")
    if "aliases" in values:
        aliases = values["aliases"]
        if not isinstance(aliases, dict) or not all(isinstance(v, str) for v in aliases.values()):
            raise ConfigError(f"{path}: aliases must map names to names")
        values["aliases"] = {normalize_alias(k): normalize_alias(v) for k, v in aliases.items()}
    if "outlets" in values:
        outlets = values["outlets"]
        if not isinstance(outlets, dict) or not all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in outlets.values()
        ):
            raise ConfigError(
                f"{path}: outlets must map an outlet name to a list of aliases or domains"
            )
    for key in ("disable", "ignore"):
        if key in values:
            if not isinstance(values[key], list) or not all(
                isinstance(x, str) for x in values[key]
            ):
                raise ConfigError(f"{path}: {key} must be a list of strings")
            values[key] = tuple(values[key])
    return Settings(**values)


def normalize_alias(name: str) -> str:
    """Aliases compare without spaces and case: 'KT AI lab' -> 'ktailab'."""
    return "".join(name.split()).lower()
