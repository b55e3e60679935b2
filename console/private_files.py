"""Files and folders that hold personal data or keys are readable by their owner only.

The database file is created 0600 and its folder (the console's data folder) 0700; a package is
built in a hidden ``.partial`` folder created 0700, whose name carries the building process's id,
so the next build into the same folder removes what a killed build left behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from pathlib import Path

_PARTIAL = re.compile(r"^\..+\.(\d+)\.[0-9a-f]{12}\.(partial|zip)$")  # staging folder, or its zip


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) readable by the owner only; an existing folder is kept as it is."""
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        p = p.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
    return path


def tighten(path: Path, mode: int) -> None:
    """Remove group and other access from a file or folder this user owns (never widens it)."""
    with contextlib.suppress(OSError):
        st = path.stat()
        if st.st_uid == os.getuid() and st.st_mode & 0o077:
            os.chmod(path, st.st_mode & mode & 0o7777)


def private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 when it does not exist yet; tighten it when it does."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        tighten(path, 0o700)


def private_sqlite(path: Path) -> None:
    """A new SQLite file made 0600 before anything is in it (its -wal and -shm take its mode).

    It is built under a temporary name and linked into place, so a second process opening the
    same new path at once never sees a half-made (empty) file; an existing file is tightened.
    """
    if path.exists():
        tighten(path, 0o700)
        return
    import sqlite3

    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.new")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode=WAL")  # writes the header: the file is no longer empty
        finally:
            conn.close()
        with contextlib.suppress(FileExistsError):  # another process made it first: theirs stays
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def staging_dir(out: Path, stem: str) -> Path:
    """A new hidden ``.partial`` folder in ``out``, mode 0700, named after this process."""
    staging = out / f".{stem}.{os.getpid()}.{secrets.token_hex(6)}.partial"
    staging.mkdir(mode=0o700)
    return staging


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(out: Path) -> list[Path]:
    """Remove ``.partial`` folders (and zips) in ``out`` whose building process is gone."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in out.iterdir():
            m = _PARTIAL.match(entry.name)
            if m is None or _alive(int(m.group(1))):
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed
