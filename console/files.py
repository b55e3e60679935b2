"""Writing a finished document to the path a person chose."""

from __future__ import annotations

from pathlib import Path

from console.errors import ValidationError


def write_out(path: str | Path, data: bytes | str) -> None:
    """Write beside, then rename: a failed write never leaves half a document under the name."""
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    try:
        if isinstance(data, bytes):
            tmp.write_bytes(data)
        else:
            tmp.write_text(data, encoding="utf-8", newline="")
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(f"Cannot write {path}: {exc.strerror or exc}") from None
