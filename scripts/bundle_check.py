"""Build the PyInstaller bundle and smoke-test it as a user's machine would run it (``make bundle-check``).

Runs the built program itself, offscreen, on a throwaway data folder: ``--version``,
``policy check``, ``demo --requests 1000``, an unsigned register PDF (the bundled fonts must load
and be embedded), ``desktop install`` into a throwaway XDG folder, and ``screenshot`` of the
demo database; the screenshot must not be blank (pixel variety is measured). Prints the build
time, each step's time and the bundle's unpacked size; exits non-zero on the first failure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "privacy-console"
TARGET_MB = 250
MIN_COLOURS = 40  # a blank or single-colour window has a handful
MAX_DOMINANT = 0.92  # the commonest colour may cover at most this share of the picture


def fail(message: str) -> None:
    print(f"bundle-check: FAILED: {message}", file=sys.stderr)
    raise SystemExit(1)


def build() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build"), str(ROOT / "build.spec")],
                   check=True, cwd=ROOT)
    return time.perf_counter() - start


def size_mb(folder: Path) -> float:
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1e6


def run(program: Path, env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    start = time.perf_counter()
    done = subprocess.run([str(program), *args], env=env, capture_output=True, text=True, timeout=300, input=stdin)
    seconds = time.perf_counter() - start
    print(f"  {' '.join(args)[:70]:<70} exit {done.returncode}  {seconds:5.1f} s")
    if done.returncode != 0:
        fail(f"`privacy-console {' '.join(args)}` exited {done.returncode}:\n{done.stderr.strip()[-2000:]}")
    return done.stdout


def pixel_variety(png: Path) -> tuple[int, float, tuple[int, int]]:
    """(distinct colours, share of the commonest colour, size) over every 3rd pixel of the picture."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    if image.isNull():
        fail(f"{png} is not a readable PNG")
    colours: Counter[int] = Counter()
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            colours[image.pixel(x, y)] += 1
    total = sum(colours.values())
    return len(colours), colours.most_common(1)[0][1] / total, (image.width(), image.height())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="test the bundle already in dist/")
    parser.add_argument("--keep", metavar="DIR", help="keep the screenshot and PDF in this folder")
    args = parser.parse_args()
    if not args.no_build:
        seconds = build()
        print(f"bundle-check: build {seconds:.0f} s")
    program = DIST / "privacy-console"
    if not program.is_file():
        fail(f"{program} does not exist; build it first (make build)")
    fonts = sorted(p.name for p in (ROOT / "resources" / "fonts").iterdir())
    missing = [f for f in fonts if not (DIST / "_internal" / "resources" / "fonts" / f).is_file()]
    if missing:
        fail(f"the bundle lacks the font files {', '.join(missing)}")
    mb = size_mb(DIST)
    print(f"bundle-check: size {mb:.0f} MB unpacked ({DIST.relative_to(ROOT)}; target under {TARGET_MB} MB)")
    with tempfile.TemporaryDirectory(prefix="bundle-check-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PRIVACY_CONSOLE_", "PYTHON"))}
        env.update(QT_QPA_PLATFORM="offscreen", PRIVACY_CONSOLE_HOME=str(work / "home"),
                   XDG_DATA_HOME=str(work / "xdg"), HOME=str(work))
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        version = run(program, env, "--version").strip()
        from console import __version__

        if version != f"privacy-console {__version__}":
            fail(f"--version printed {version!r}, expected the package's {__version__}")
        run(program, env, "policy", "check")
        run(program, env, "demo", "--requests", "1000", "--incidents", "5")
        pdf = work / "register.pdf"
        run(program, env, "incident", "report", "register", "--out", str(pdf), "--no-sign")
        if shutil.which("pdffonts"):
            fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
            if "DejaVuSans" not in fonts:
                fail(f"the register PDF embeds no DejaVu font:\n{fonts}")
        run(program, env, "desktop", "install")
        entry = work / "xdg" / "applications" / "privacy-console.desktop"
        if f"Exec={program.resolve()}" not in entry.read_text(encoding="utf-8"):
            fail(f"{entry} does not start the bundle")
        shot = work / "queue.png"
        run(program, env, "screenshot", str(shot), "--view", "queue", "--size", "1400x900")
        colours, dominant, size = pixel_variety(shot)
        print(f"bundle-check: screenshot {size[0]}x{size[1]}, {colours} distinct colours, "
              f"commonest {dominant:.0%} of the picture")
        if size != (1400, 900) or colours < MIN_COLOURS or dominant > MAX_DOMINANT:
            fail(f"the screenshot looks blank ({colours} colours, commonest {dominant:.0%})")
        if args.keep:
            Path(args.keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, Path(args.keep) / "bundle-queue.png")
            shutil.copy(pdf, Path(args.keep) / "bundle-register.pdf")
    print("bundle-check: passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
