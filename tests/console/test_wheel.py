"""The console as an installed wheel: built from the sources, installed (not editable) into a fresh
venv, run from a folder that is not the checkout, it finds its policy, templates, fonts and icons.

The fresh venv borrows the test venv's third-party packages through a path file (PySide6 and
friends are hundreds of megabytes; downloading them again proves nothing about this project), but
not its editable install of the console: the console it runs is the one in the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("console", "ui", "resources", "pyproject.toml", "README.md")


def test_pyproject_names_every_package() -> None:
    """pyproject lists packages by name (resources/ is mapped); a new folder left out would be
    missing from the wheel."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for top in ("console", "ui")
             for p in (ROOT / top).rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert listed - found == {"privacy_console_resources"}


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    out = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, f"{' '.join(cmd)} exited {out.returncode}:\n{out.stdout[-2000:]}\n{out.stderr[-3000:]}"
    return out


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_runs_from_another_folder(tmp_path: Path) -> None:
    src = tmp_path / "src"  # a clean copy: no stale build/ folder of the checkout ends up in the wheel
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            src.mkdir(exist_ok=True)
            shutil.copy(ROOT / name, src / name)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRIVACY_CONSOLE_", "PYTHON"))}
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path / "dist"), str(src)],
         tmp_path, env)
    wheel = next((tmp_path / "dist").glob("privacy_console-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "privacy_console_resources/policy/rights.toml" in names
    assert "privacy_console_resources/fonts/DejaVuSans.ttf" in names
    assert not any(n.startswith(("tests/", "resources/")) for n in names)

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path, env)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", "--no-index",
          str(wheel)], tmp_path, env)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env.update(PRIVACY_CONSOLE_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    where = _run([str(python), "-c", "import console, privacy_console_resources as r; print(console.__file__, "
                  "r.__file__)"], elsewhere, env).stdout
    assert str(ROOT) not in where and str(site) in where, where

    program = str(venv / "bin" / "privacy-console")
    checked = _run([program, "policy", "check"], elsewhere, env)
    assert "right" in checked.stdout.lower(), checked.stdout
    _run([program, "demo", "--requests", "40", "--incidents", "2"], elsewhere, env)
    _run([program, "screenshot", "queue.png", "--size", "1000x700"], elsewhere, env)
    probe = ("import sys; from collections import Counter; from PySide6.QtGui import QImage; "
             "i = QImage(sys.argv[1]); c = Counter(i.pixel(x, y) for y in range(0, i.height(), 3) "
             "for x in range(0, i.width(), 3)); "
             "print(i.width(), i.height(), len(c), c.most_common(1)[0][1] / sum(c.values()))")
    width, height, colours, dominant = _run([str(python), "-c", probe, "queue.png"], elsewhere, env).stdout.split()
    assert (int(width), int(height)) == (1000, 700)
    assert int(colours) >= 40 and float(dominant) <= 0.92, f"the screenshot looks blank: {colours} colours"
