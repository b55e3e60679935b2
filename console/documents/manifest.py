"""A manifest of a response package: every file's SHA-256, and one hash over the whole list.

The signed PDF quotes ``manifest_hash``, so the signature covers the JSON and CSV files too:
change any file and its hash no longer matches; change the manifest to match and its own hash
no longer matches the one in the signed letter.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from console.errors import DocumentError

MANIFEST_NAME = "manifest.json"
FORMAT_VERSION = 1
_CHUNK = 1 << 20


@dataclass(frozen=True)
class ManifestEntry:
    """One file: its path inside the package (POSIX, NFC), size in bytes and SHA-256 in hex."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """The files of a package, sorted by path."""

    files: tuple[ManifestEntry, ...]

    def body(self) -> dict[str, object]:
        return {
            "version": FORMAT_VERSION,
            "algorithm": "sha256",
            "files": [{"path": e.path, "size": e.size, "sha256": e.sha256} for e in self.files],
        }

    @property
    def manifest_hash(self) -> str:
        """SHA-256 of the canonical JSON of :meth:`body`: the one value to quote elsewhere."""
        return hashlib.sha256(canonical_json(self.body())).hexdigest()

    def to_json(self) -> bytes:
        """The manifest file's bytes: the body plus its own hash, canonical."""
        return canonical_json({**self.body(), "manifest_hash": self.manifest_hash}) + b"\n"

    def find(self, path: str) -> ManifestEntry | None:
        return next((e for e in self.files if e.path == path), None)


def canonical_json(value: object) -> bytes:
    """Sorted keys, no spaces, UTF-8: the same data always gives the same bytes (and hash)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def build_manifest(files: Mapping[str, bytes] | str | os.PathLike[str]) -> Manifest:
    """A manifest of in-memory files (name -> bytes) or of every file under a folder."""
    if isinstance(files, Mapping):
        entries = [
            ManifestEntry(_clean(name), len(data), hashlib.sha256(data).hexdigest())
            for name, data in files.items()
        ]
    else:
        own = frozenset({MANIFEST_NAME, f".{MANIFEST_NAME}.tmp"})
        entries = [_entry(path, name) for name, path in _folder_files(Path(files), own)]
    paths = [e.path for e in entries]
    if len(set(paths)) != len(paths):
        raise DocumentError("Two files in the package have the same name.")
    return Manifest(tuple(sorted(entries, key=lambda e: e.path)))


def write_manifest(
    manifest: Manifest, folder: str | os.PathLike[str], name: str = MANIFEST_NAME
) -> Path:
    """Write ``manifest.json`` into ``folder`` (atomically: no half-written manifest)."""
    target = Path(folder) / name
    temporary = target.with_name(f".{name}.tmp")
    temporary.write_bytes(manifest.to_json())
    os.replace(temporary, target)
    return target


def read_manifest(data: bytes) -> Manifest:
    """Parse manifest bytes; raises DocumentError if they are not a manifest or were edited."""
    try:
        raw = json.loads(data.decode("utf-8"))
        files = tuple(
            ManifestEntry(str(f["path"]), int(f["size"]), str(f["sha256"])) for f in raw["files"]
        )
        stated = str(raw["manifest_hash"])
    except (ValueError, KeyError, TypeError) as exc:
        raise DocumentError(f"The manifest is damaged and cannot be read ({exc}).") from exc
    manifest = Manifest(files)
    if manifest.manifest_hash != stated:
        raise DocumentError(
            "The manifest was edited after it was made: its own hash does not match its contents."
        )
    return manifest


def check_manifest(location: str | os.PathLike[str], name: str = MANIFEST_NAME) -> list[str]:
    """Problems with a package folder or .zip, each naming the file; empty when all is well."""
    path = Path(location)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
            return _check(name, {_clean(n): n for n in names}, archive.open)
    if path.is_dir():
        present = {clean: str(p) for clean, p in _folder_files(path)}
        return _check(name, present, lambda p: open(p, "rb"))  # noqa: SIM115 - closed by _hash
    return [f"{path} is neither a package folder nor a .zip file."]


def _check(name: str, present: dict[str, str], opener) -> list[str]:  # type: ignore[no-untyped-def]
    if name not in present:
        return [f"The manifest {name} is missing, so nothing can be checked."]
    with opener(present[name]) as handle:
        data = handle.read()
    try:
        manifest = read_manifest(data)
    except DocumentError as exc:
        return [f"{name}: {exc}"]
    problems: list[str] = []
    for entry in manifest.files:
        if entry.path not in present:
            problems.append(f"{entry.path} is missing.")
            continue
        size, digest = _hash(opener(present[entry.path]))
        if digest != entry.sha256 or size != entry.size:
            problems.append(f"{entry.path} was changed: its SHA-256 does not match the manifest.")
    listed = {e.path for e in manifest.files} | {name}
    problems.extend(
        f"{extra} is not listed in the manifest." for extra in sorted(set(present) - listed)
    )
    return problems


def _clean(name: str) -> str:
    """Package paths are relative POSIX paths in NFC (macOS writes NFD), never escaping the root."""
    normal = unicodedata.normalize("NFC", name.replace("\\", "/"))
    parts = PurePosixPath(normal).parts
    if not parts or normal.startswith("/") or any(p in ("..", ".") for p in parts):
        raise DocumentError(f"The file name {name!r} cannot go into a package.")
    return "/".join(parts)


def _folder_files(root: Path, skip: frozenset[str] = frozenset()) -> Iterator[tuple[str, Path]]:
    """Regular files under ``root`` (symlinks are not followed: they could point anywhere)."""
    if not root.is_dir():
        raise DocumentError(f"The package folder {root} does not exist.")
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            name = _clean(path.relative_to(root).as_posix())
            if name not in skip:
                yield name, path


def _entry(path: Path, name: str) -> ManifestEntry:
    size, digest = _hash(open(path, "rb"))  # noqa: SIM115 - closed by _hash
    return ManifestEntry(name, size, digest)


def _hash(handle: IO[bytes]) -> tuple[int, str]:
    """Size and SHA-256 in 1 MiB chunks, so a large export never sits in memory whole."""
    digest, size = hashlib.sha256(), 0
    with handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()
