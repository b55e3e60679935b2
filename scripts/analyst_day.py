"""The analyst's day, worked in the real window on a real X server (Xvfb) with real input (xdotool).

    python scripts/analyst_day.py OUT_DIR

Fills a demo SQLite database (400 requests, a signing certificate, the sample company as a data
source), adds an access request received months ago (the most overdue), starts ``privacy-console``
on a private Xvfb display and works the day with the mouse and the keyboard: open the overdue
queue, open the request, verify it, fetch the person's data, preview and build the package, record
it as sent, complete the request, search for the person and look at every request of theirs, save
the view. A screenshot of the real X screen (xwd) is saved after each step, OUT_DIR/NN-step.png.

Nothing waits a fixed time: each step waits for what a person would see or what the database
records (the window's title, a dialog's title, rows in the database, the settings file, the
screen's pixels settling). An access request needs no second verifier (the release gate asks for
one only where the right says so), so one analyst works the day; sign-in stays off.

Coordinates are those of the window at 1280x800 on the DejaVu fonts CI installs; a step whose
condition never comes fails with the step's name and a screenshot of the screen as it was.
Needs Xvfb, xdotool and xwd (Debian: xvfb, xdotool, x11-apps).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1280, 800
ORG = "Miximonster"
SUBJECT = ("Wen Petrov", "wen.285@example.org")  # the demo's subject 285 (seed 7), in the sample company
VIEW_NAME = "Wen Petrov, all requests"
# The queue's rows left of the Time left column, whose countdowns change every second (a region
# waited on to settle must not hold a ticking clock)
TICKING_X = 990
QUEUE_ROWS = (265, 130, TICKING_X, 390)
TIMEOUT_S = float(os.environ.get("ANALYST_DAY_TIMEOUT", "120"))
TOOLS = ("Xvfb", "xdotool", "xwd")


class StepFailed(Exception):
    pass


def missing_tools() -> list[str]:
    return [t for t in TOOLS if shutil.which(t) is None]


# --- the screen ----------------------------------------------------------------------------------


def xwd_to_rgb(data: bytes) -> tuple[int, int, bytes]:
    """A 24/32-bit TrueColor XWD dump (what ``xwd -root`` writes on Xvfb) as packed RGB rows."""
    (header_size, _v, _fmt, _depth, width, height, _xo, byte_order, _unit, _bo, _pad, bpp, bpl,
     *_rest) = struct.unpack(">25I", data[:100])
    ncolors = struct.unpack(">I", data[76:80])[0]
    if bpp != 32:
        raise StepFailed(f"xwd wrote {bpp} bits a pixel; start Xvfb with a 24-bit screen")
    start = header_size + ncolors * 12
    r, g, b = (2, 1, 0) if byte_order == 0 else (1, 2, 3)
    rows = []
    for y in range(height):
        line = data[start + y * bpl: start + y * bpl + width * 4]
        row = bytearray(width * 3)
        row[0::3], row[1::3], row[2::3] = line[r::4], line[g::4], line[b::4]
        rows.append(bytes(row))
    return width, height, b"".join(rows)


def png(width: int, height: int, rgb: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    rows = b"".join(b"\0" + rgb[y * width * 3:(y + 1) * width * 3] for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))


class Screen:
    """The X display: input through xdotool, pictures through xwd."""

    def __init__(self, env: dict[str, str], out: Path) -> None:
        self.env, self.out = env, out

    def run(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(list(args), env=self.env, capture_output=True, text=True, timeout=60)
        if check and done.returncode != 0:
            raise StepFailed(f"{' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def grab(self) -> tuple[int, int, bytes]:
        raw = subprocess.run(["xwd", "-root", "-silent"], env=self.env, capture_output=True, timeout=60,
                             check=True).stdout
        return xwd_to_rgb(raw)

    def save(self, name: str) -> Path:
        w, h, rgb = self.grab()
        path = self.out / f"{name}.png"
        path.write_bytes(png(w, h, rgb))
        return path

    def region(self, box: tuple[int, int, int, int]) -> bytes:
        """The pixels of (x0, y0, x1, y1): what a step waits on to change and settle."""
        w, _h, rgb = self.grab()
        x0, y0, x1, y1 = box
        return b"".join(rgb[(y * w + x0) * 3:(y * w + x1) * 3] for y in range(y0, y1))

    def titles(self) -> list[tuple[str, str]]:
        ids = self.run("xdotool", "search", "--onlyvisible", "--name", ".", check=False).split()
        found = []
        for wid in ids:
            name = self.run("xdotool", "getwindowname", wid, check=False).strip()
            if name:
                found.append((wid, name))
        return found

    def window(self, pattern: str) -> str | None:
        rx = re.compile(pattern)
        return next((wid for wid, name in self.titles() if rx.search(name)), None)

    def click(self, x: int, y: int) -> None:
        self.run("xdotool", "mousemove", "--sync", str(x), str(y), "click", "1")

    def key(self, *keys: str, window: str | None = None) -> None:
        if window:
            self.run("xdotool", "windowfocus", window, check=False)
        self.run("xdotool", "key", "--clearmodifiers", *keys)

    def type(self, text: str) -> None:
        self.run("xdotool", "type", "--delay", "25", text)


# --- the day -------------------------------------------------------------------------------------


class Day:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.work = out / "work"
        self.work.mkdir(parents=True, exist_ok=True)
        self.db_path = self.work / "day.sqlite3"
        home = self.work / "home"
        home.mkdir(exist_ok=True)
        runtime = self.work / "run"
        runtime.mkdir(mode=0o700, exist_ok=True)
        self.ini = home / "privacy-console.ini"
        self.env = {**os.environ, "PRIVACY_CONSOLE_HOME": str(home), "HOME": str(home),
                    "XDG_RUNTIME_DIR": str(runtime), "PRIVACY_CONSOLE_DB": f"sqlite:///{self.db_path}",
                    "PYTHON_KEYRING_BACKEND": "tests.console.test_security_helpers.FileKeyring",
                    "TEST_KEYRING_FILE": str(self.work / "keyring.json"), "PYTHONPATH": str(ROOT),
                    "PRIVACY_CONSOLE_NO_WELCOME": "1", "PRIVACY_CONSOLE_USER": "ana.lyst",
                    "PYTHONFAULTHANDLER": "1", "QT_QPA_PLATFORM": "xcb", "LANG": "en_GB.UTF-8",
                    "LANGUAGE": "en"}
        self.env.pop("PRIVACY_CONSOLE_TEST_PG", None)
        self.xvfb: subprocess.Popen[bytes] | None = None
        self.app: subprocess.Popen[bytes] | None = None
        self.screen: Screen | None = None
        self.main = ""
        self.ref = ""
        self.steps: list[tuple[str, float]] = []
        self.n = 0
        self.db: sqlite3.Connection | None = None
        self.tab_keys: list[str] = []

    # setup -------------------------------------------------------------------------------------

    def cli(self, *args: str, stdin: str | None = None) -> str:
        done = subprocess.run([sys.executable, "-m", "console.cli", *args], env=self.env, cwd=ROOT, text=True,
                              input=stdin, capture_output=True, timeout=600)
        if done.returncode != 0:
            raise StepFailed(f"privacy-console {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def prepare(self) -> None:
        self.cli("demo", "--requests", "400", "--seed", "7")
        out = self.cli("request", "add", "--right", "access", "--subject-name", SUBJECT[0],
                       "--subject-email", SUBJECT[1], "--received", "2026-06-01T09:30:00+00:00",
                       "--jurisdiction", "EU", "--category", "account", "--category", "usage")
        self.ref = out.split()[0]
        self.cli("cert", "create-self-signed", "--cn", "Data Protection Team", "--org", ORG,
                 "--email", "privacy@example.com", "--out", str(self.work / "org.p12"), "--use",
                 "--passphrase-stdin", stdin="a passphrase for the day\n")

    def query(self, sql: str, *params: Any) -> Any:
        """One connection for the whole day, reading only: opening and closing one a poll raced the
        program's writes in WAL mode ('locking protocol')."""
        if self.db is None:
            self.db = sqlite3.connect(self.db_path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA query_only = ON")
        row = self.db.execute(sql, params).fetchone()
        return row[0] if row else None

    def status(self) -> str:
        return str(self.query("SELECT status FROM requests WHERE reference = ?", self.ref))

    # the X server and the program --------------------------------------------------------------

    def start_x(self) -> None:
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{WIDTH}x{HEIGHT}x24",
                                      "-nolisten", "tcp", "-noreset"], pass_fds=(write,),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        number = b""
        while not number.endswith(b"\n"):
            got = os.read(read, 16)  # Xvfb writes its display number once it accepts connections
            if not got:
                raise StepFailed("Xvfb ended before it opened a display")
            number += got
        os.close(read)
        self.env["DISPLAY"] = f":{number.decode().strip()}"
        self.screen = Screen(self.env, self.out)

    def start_app(self) -> None:
        log = (self.work / "app.log").open("wb")
        self.app = subprocess.Popen([sys.executable, "-m", "ui.launch"], env=self.env, cwd=ROOT,
                                    stdout=log, stderr=subprocess.STDOUT)

    def stop(self) -> None:
        if self.db is not None:
            self.db.close()
        for proc in (self.app, self.xvfb):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()

    # waiting -----------------------------------------------------------------------------------

    def wait(self, what: str, cond: Callable[[], Any], timeout: float = TIMEOUT_S) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            value = cond()
            if value:
                return value
            if self.app is not None and self.app.poll() is not None:
                raise StepFailed(f"{what}: the program ended (exit {self.app.returncode}); see "
                                 f"{self.work / 'app.log'}")
            if time.monotonic() > deadline:
                assert self.screen is not None
                shot = self.screen.save(f"timeout-{re.sub(r'[^a-z0-9]+', '-', what.lower())}")
                raise StepFailed(f"{what}: not seen within {timeout:.0f} s (screen: {shot}; windows: "
                                 f"{[n for _w, n in self.screen.titles()]})")
            time.sleep(0.2)  # a poll interval, not a wait for something to happen

    def title(self, pattern: str) -> str:
        assert self.screen is not None
        return self.wait(f"a window titled /{pattern}/", lambda: self.screen.window(pattern))  # type: ignore[union-attr]

    def gone(self, pattern: str) -> None:
        assert self.screen is not None
        self.wait(f"no window titled /{pattern}/", lambda: self.screen.window(pattern) is None)  # type: ignore[union-attr]

    def settled(self, what: str, box: tuple[int, int, int, int], before: bytes | None = None) -> None:
        """The pixels of ``box`` changed from ``before`` (when given) and then stayed the same twice."""
        assert self.screen is not None
        last: list[bytes] = []

        def still() -> bool:
            now = self.screen.region(box)  # type: ignore[union-attr]
            stable = bool(last) and last[-1] == now and (before is None or now != before)
            last.append(now)
            return stable
        self.wait(what, still)

    def open_tab(self, key: str) -> None:
        """A tab of the request workspace by its shortcut (Alt+1 the first; the Request menu lists
        them), numbered from the registry's order, whatever tabs the features add."""
        assert self.screen is not None
        if not self.tab_keys:
            listed = subprocess.run([sys.executable, "-c", "from ui import registry; "
                                     "print(' '.join(t.key for t in registry.tabs()))"],
                                    env={**self.env, "QT_QPA_PLATFORM": "offscreen"}, cwd=ROOT,
                                    capture_output=True, text=True, timeout=120, check=True)
            self.tab_keys = listed.stdout.split()
        self.screen.key(f"alt+{self.tab_keys.index(key) + 1}", window=self.main)  # Request > the tab

    def shot(self, name: str) -> None:
        assert self.screen is not None
        self.n += 1
        self.screen.save(f"{self.n:02d}-{name}")
        self.steps.append((name, time.monotonic()))

    # the day itself ----------------------------------------------------------------------------

    def work_the_day(self) -> None:
        s = self.screen
        assert s is not None
        ref = re.escape(self.ref)
        # the open queue sorts by due date: its first row, opened on start, is the most overdue request
        self.main = self.title(rf"^{ref}, Received · All open — {ORG}")
        s.run("xdotool", "windowsize", "--sync", self.main, str(WIDTH), str(HEIGHT))
        s.run("xdotool", "windowmove", "--sync", self.main, "0", "0")
        self.wait("the window at 1280x800", lambda: f"Geometry: {WIDTH}x{HEIGHT}" in s.run(
            "xdotool", "getwindowgeometry", self.main))
        self.settled("the window laid out at 1280x800", (0, 0, TICKING_X, 400))
        self.shot("start-all-open")

        s.click(66, 206)  # the sidebar's Overdue queue
        self.title(rf"· Overdue — {ORG}")
        self.settled("the overdue queue", QUEUE_ROWS)
        self.shot("overdue-queue")

        s.click(320, 146)  # its first row: the most overdue request
        self.title(rf"^{ref}, Received · Overdue")
        self.settled("the request's overview", (265, 400, 1000, 760))
        self.shot("request-opened")

        s.key("ctrl+shift+Return", window=self.main)  # Request > Advance to Awaiting verification
        self.title(rf"^{ref}, Awaiting verification")
        self.open_tab("verification")
        self.settled("the checklist", (265, 545, 1270, 760))
        for n, y in enumerate((617, 641, 665), start=1):
            s.click(390, y)  # the check
            s.click(317, 736)  # Passed
            self.wait(f"check {n} passed", lambda n=n: self.query(
                "SELECT count(*) FROM checklist_entries c JOIN requests r ON r.id = c.request_id "
                "WHERE r.reference = ? AND c.result = 'passed'", self.ref) == n)
        self.settled("the checklist, all passed", (265, 545, 1270, 760))
        self.shot("verification-checks-passed")
        s.click(1175, 736)  # Finish verification
        self.title(rf"^{ref}, In progress")
        self.shot("verification-finished")

        before = s.region((265, 545, 1270, 760))
        self.open_tab("data")
        self.settled("the data tab", (265, 545, 1270, 760), before)
        s.click(496, 603)  # Fetch from data sources
        self.wait("records fetched", lambda: (self.query(
            "SELECT count(*) FROM subject_records s JOIN requests r ON r.id = s.request_id "
            "WHERE r.reference = ?", self.ref) or 0) > 0)
        self.settled("the fetched records", (265, 590, 1270, 760))
        self.shot("data-fetched")

        before = s.region((265, 545, 1270, 760))
        self.open_tab("package")
        self.settled("the package tab", (265, 545, 1270, 760), before)
        before = s.region((330, 580, 660, 700))
        s.click(490, 569)  # the package kind: the request's own answer is the first
        self.settled("the list of package kinds", (330, 580, 660, 700), before)
        s.key("Home", "Return")
        s.click(704, 569)  # Preview
        page = (300, 670, 800, 750)  # where the first page's paper shows once it is rendered

        def paper() -> bool:
            pixels = s.region(page)
            white = sum(1 for i in range(0, len(pixels), 3) if pixels[i:i + 3] == b"\xff\xff\xff")
            return white > 0.6 * len(pixels) / 3
        self.wait("the preview's first page on white paper", paper)
        self.settled("the preview's first page", (276, 652, 846, 750))
        self.shot("package-preview")

        s.click(834, 569)  # Build and sign…
        folder = self.title(r"^Where to write the package")
        out = self.work / "packages"
        out.mkdir(exist_ok=True)
        s.run("xdotool", "windowfocus", folder, check=False)
        s.type(str(out))
        s.key("Return")
        self.wait("the package built", lambda: self.query("SELECT count(*) FROM packages") == 1)
        built = self.title(r"^Package built")
        self.settled("the built dialog", (300, 200, 960, 520))
        self.shot("package-built")
        s.key("Escape", window=built)
        self.gone(r"^Package built")

        s.click(917, 736)  # Mark as sent
        confirm = self.title(r"^Mark as sent")
        self.settled("the confirmation", (300, 280, 960, 430))
        self.shot("mark-as-sent-confirmation")
        s.key("Return", window=confirm)
        self.wait("the package recorded as sent",
                  lambda: self.query("SELECT count(*) FROM packages WHERE sent_at IS NOT NULL") == 1)
        self.gone(r"^Mark as sent")
        self.settled("the package list", (856, 645, 1260, 720))
        self.shot("package-sent")

        s.key("ctrl+shift+Return", window=self.main)  # Advance to Awaiting approval
        self.title(rf"^{ref}, Awaiting approval")
        s.key("ctrl+shift+Return", window=self.main)  # Advance to Completed: asks first
        complete = self.title(rf"^Complete {ref}\?")
        self.settled("the completion dialog", (380, 290, 880, 420))
        self.shot("complete-confirmation")
        s.key("Return", window=complete)
        self.wait("the request completed", lambda: self.status() == "completed")
        self.title(rf"^{ref}, Completed")
        self.settled("the completed request", (265, 400, 1270, 560))
        self.shot("completed")

        before = s.region(QUEUE_ROWS)
        s.click(330, 85)  # the search box (its left end, wherever the filters beside it end): it looks across all requests
        s.type(SUBJECT[1])
        s.key("Return")
        self.settled("the person's requests in the queue", QUEUE_ROWS, before)
        self.shot("search-the-person")

        before = s.region((265, 545, 1270, 760))
        self.open_tab("person")
        self.settled("the person tab", (265, 545, 1270, 760), before)
        self.shot("person-tab")

        s.key("ctrl+shift+v", window=self.main)  # View > Save view…
        named = self.title(r"^Save view")
        s.run("xdotool", "windowfocus", named, check=False)
        s.type(VIEW_NAME)
        self.shot("save-view")
        s.key("Return")
        self.gone(r"^Save view")
        self.wait("the saved view in the settings file",
                  lambda: self.ini.exists() and VIEW_NAME in self.ini.read_text(encoding="utf-8"))
        s.run("xdotool", "mousemove", "--sync", "160", "8", "click", "1")  # the View menu
        s.key("Up", "Right")  # its last entry: Saved views ▸
        self.settled("the saved views menu", (150, 20, 700, 400))
        self.shot("saved-views-menu")
        s.key("Escape", "Escape", window=self.main)

        s.key("ctrl+q", window=self.main)
        assert self.app is not None
        self.wait("the program closed by Ctrl+Q", lambda: self.app.poll() is not None)  # type: ignore[union-attr]
        if self.app.returncode != 0:
            raise StepFailed(f"the program ended with exit {self.app.returncode}")

    def run(self) -> list[str]:
        start = time.monotonic()
        try:
            self.prepare()
            ready = time.monotonic()
            self.start_x()
            self.start_app()
            self.work_the_day()
        finally:
            self.stop()
        print(f"setup {ready - start:.1f} s, the day {time.monotonic() - ready:.1f} s")
        return [name for name, _t in self.steps]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    lacking = missing_tools()
    if lacking:
        print(f"analyst_day: install {', '.join(lacking)} (Debian: xvfb, xdotool, x11-apps)", file=sys.stderr)
        return 3
    out = Path(argv[0]).resolve()
    out.mkdir(parents=True, exist_ok=True)
    try:
        steps = Day(out).run()
    except StepFailed as exc:
        print(f"analyst_day: {exc}", file=sys.stderr)
        return 1
    for n, name in enumerate(steps, start=1):
        print(f"{n:02d} {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
