"""The window's translations: the .ts sources (in the repository) and the .qm files Qt loads (built).

    python scripts/i18n.py update   # collect every translatable string of ui/ into resources/i18n/*.ts,
                                    # keeping the translations already there
    python scripts/i18n.py build    # resources/i18n/*.qm from the .ts files (pyside6-lrelease)
    python scripts/i18n.py missing  # the strings German lacks, by context

Collected as Qt looks them up at run time: ``self.tr("…")`` in a class (context: the class's name),
``QCoreApplication.translate("Context", "…")``, and a module's one-line helpers that call
``QCoreApplication.translate("Context", text)`` (``_t("…")``, ``_tr("…")`` …), which pyside6-lupdate
does not follow. The shipped policy catalogue's words (rights, jurisdictions, data
categories, deadline rules) are collected from it; anything else the console hands back goes in
``resources/i18n/extra.toml`` (``[Context] strings = [...]``), under the context the window asks in.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("de",)
SOURCES = ROOT / "ui"


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # "a" "b" is one constant already
        left, right = _literal(node.left), _literal(node.right)
        return left + right if left is not None and right is not None else None
    return None


def _is_translate(call: ast.AST) -> bool:
    return isinstance(call, ast.Call) and (
        (isinstance(call.func, ast.Attribute) and call.func.attr == "translate")
        or (isinstance(call.func, ast.Name) and call.func.id == "translate"))


def _helpers(tree: ast.Module) -> dict[str, str]:
    """Module functions whose body returns QCoreApplication.translate("Ctx", <their parameter>)."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.args.args:
            for sub in ast.walk(node):
                if _is_translate(sub) and len(sub.args) >= 2:  # type: ignore[attr-defined]
                    ctx = _literal(sub.args[0])  # type: ignore[attr-defined]
                    arg = sub.args[1]  # type: ignore[attr-defined]
                    if ctx and isinstance(arg, ast.Name) and arg.id == node.args.args[0].arg:
                        found[node.name] = ctx
    return found


def collect(path: Path) -> Iterator[tuple[str, str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    helpers = _helpers(tree)

    def visit(node: ast.AST, cls: str | None) -> Iterator[tuple[str, str, int]]:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call) and child.args:
                func = child.func
                if isinstance(func, ast.Attribute) and func.attr == "tr" and cls:
                    text = _literal(child.args[0])
                    if text is not None:
                        yield cls, text, child.lineno
                elif _is_translate(child) and len(child.args) >= 2:
                    ctx, text = _literal(child.args[0]), _literal(child.args[1])
                    if ctx and text is not None:
                        yield ctx, text, child.lineno
                elif isinstance(func, ast.Name) and func.id in helpers:
                    text = _literal(child.args[0])
                    if text is not None:
                        yield helpers[func.id], text, child.lineno
            yield from visit(child, inner)
    yield from visit(tree, None)


def strings() -> dict[str, dict[str, str]]:
    """context -> source text -> where it is first used (file:line)."""
    out: dict[str, dict[str, str]] = {}
    for path in sorted(SOURCES.rglob("*.py")):
        for ctx, text, line in collect(path):
            out.setdefault(ctx, {}).setdefault(text, f"{path.relative_to(ROOT)}:{line}")
    for ctx, text in catalogue_words():
        out.setdefault(ctx, {}).setdefault(text, "resources/policy")
    extra = I18N / "extra.toml"
    if extra.exists():
        for ctx, texts in tomllib.loads(extra.read_text(encoding="utf-8")).items():
            for text in texts.get("strings", []):
                out.setdefault(ctx, {}).setdefault(text, "resources/i18n/extra.toml")
    return out


def catalogue_words() -> Iterator[tuple[str, str]]:
    """The shipped catalogue's words the window shows (ui.words.catalogue asks in context "Catalogue";
    ui.words.short_right in "RightShort")."""
    sys.path.insert(0, str(ROOT))
    from console.policy import load_catalogue

    cat = load_catalogue(None)
    for r in cat.rights:
        yield "Catalogue", r.title
        yield "RightShort", r.title
        yield "Catalogue", f"Company policy: {r.window.describe()}"
        for item in r.checklist:
            yield "Catalogue", item.label
    for j in cat.jurisdictions:
        yield "Catalogue", j.title
    for c in cat.categories:
        yield "Catalogue", c.title
    for law in cat.law_clocks:
        yield "Catalogue", law.label


def ts_path(lang: str) -> Path:
    return I18N / f"privacy_console_{lang}.ts"


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    if not path.exists():
        return {}
    done: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") not in ("obsolete", "vanished"):
                done[(name, source)] = translation.text
    return done


def write_ts(lang: str, found: dict[str, dict[str, str]], done: dict[tuple[str, str], str]) -> tuple[int, int]:
    root = ET.Element("TS", version="2.1", language={"de": "de_DE"}.get(lang, lang))
    total = translated = 0
    for ctx in sorted(found):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = ctx
        for text in sorted(found[ctx]):
            message = ET.SubElement(context, "message")
            where, _sep, line = found[ctx][text].rpartition(":")
            if where and line.isdigit():
                ET.SubElement(message, "location", filename=f"../../{where}", line=line)
            ET.SubElement(message, "source").text = text
            translation = ET.SubElement(message, "translation")
            total += 1
            if (ctx, text) in done:
                translation.text = done[(ctx, text)]
                translated += 1
            else:
                translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    ts_path(lang).write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                             encoding="utf-8")
    return translated, total


def update() -> int:
    found = strings()
    for lang in LANGUAGES:
        translated, total = write_ts(lang, found, read_ts(ts_path(lang)))
        print(f"{ts_path(lang).relative_to(ROOT)}: {translated} of {total} strings translated")
    return 0


def lrelease() -> str:
    here = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(here) if here.exists() else shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("i18n: pyside6-lrelease not found (pip install PySide6)")
    return found


def build() -> int:
    tool = lrelease()
    for lang in LANGUAGES:
        source, target = ts_path(lang), I18N / f"privacy_console_{lang}.qm"
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        subprocess.run([tool, "-silent", str(source), "-qm", str(target)], check=True)
    return 0


def missing() -> int:
    for lang in LANGUAGES:
        done = read_ts(ts_path(lang))
        for ctx, texts in sorted(strings().items()):
            for text, where in sorted(texts.items()):
                if (ctx, text) not in done:
                    print(f"{lang} {ctx}: {text!r} ({where})")
    return 0


if __name__ == "__main__":
    commands = {"update": update, "build": build, "missing": missing}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        raise SystemExit(f"usage: python scripts/i18n.py {'|'.join(commands)}")
    raise SystemExit(commands[sys.argv[1]]())
