"""Files a person chose: reading one in (an import), writing a finished document out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from console.errors import ValidationError


def read_in(path: str | Path) -> str:
    """The text of a file to import: UTF-8, with or without the BOM spreadsheets write; a missing
    file, one that cannot be read or one in another encoding is refused by name."""
    p = Path(path)
    if not p.is_file():
        raise ValidationError(f"{str(p)!r} does not exist.")
    try:
        return p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"{p.name}: not UTF-8 text; save it as UTF-8.") from None
    except OSError as exc:
        raise ValidationError(f"Cannot read {p.name}: {exc.strerror or exc}") from None


def json_in(name: str, text: str, holding: str) -> Any:
    """``text`` parsed as JSON, or a refusal that names the file ``name`` and the line."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno}).") from None
    except RecursionError:
        raise ValidationError(f"{name}: the JSON is nested too deeply to hold {holding}.") from None


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
