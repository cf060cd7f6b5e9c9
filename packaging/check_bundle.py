"""Check the built bundle as a user's machine would run it: ``python packaging/check_bundle.py``.

The archive in ``dist/`` is unpacked into a fresh folder and its programs are run with
a minimal environment (no virtual environment, no source tree: ``env -i PATH=... HOME=...``):
versions, a demo try-on from the command (a HEIC person photo included), the window's
smoke test, the history, the keyring (a real Secret Service, when gnome-keyring is
installed), the window's first start against a keyring that never answers (on a
virtual screen with a window manager, as a new user's desktop), the TLS
certificates, the desktop files, the icons, and install.sh and uninstall.sh. Prints
one line per check; exits 1 at the first that fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "in.co.aurax.Desktop"
SAMPLES = ROOT / "resources" / "samples"


class CheckFailedError(Exception):
    pass


def run(
    command: Sequence[str | Path],
    env: dict[str, str],
    *,
    cwd: Path | None = None,
    timeout: float = 180,
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(c) for c in command],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise CheckFailedError(
            f"{' '.join(map(str, command))} exited {done.returncode}:\n{done.stdout}{done.stderr}"
        )
    return done


def ok(what: str) -> None:
    print(f"ok: {what}", flush=True)


def heic_photo(target: Path) -> Path:
    from PIL import Image
    from pillow_heif import register_heif_opener

    register_heif_opener()
    Image.open(SAMPLES / "person.jpg").save(target, format="HEIF", quality=80)
    return target


def check(archive: Path, work: Path) -> None:
    with tarfile.open(archive) as packed:
        packed.extractall(work, filter="data")
    bundle = work / "aurax-desktop"
    home = work / "home"
    home.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    aurax, window = bundle / "aurax", bundle / "aurax-desktop"

    started = time.monotonic()
    shown = run([aurax, "--version"], env).stdout.strip()
    took = time.monotonic() - started
    ok(f"`aurax --version` says {shown!r} in {took:.2f} s (target under 0.6 s)")
    ok(f"`aurax-desktop --version` says {run([window, '--version'], env).stdout.strip()!r}")

    person = heic_photo(work / "person.heic")
    garment = SAMPLES / "dress-red.png"
    out = work / "out.jpg"
    run(
        [aurax, "--demo", "try-on", person, garment, "--type", "GARMENT", "-o", out],
        env,
        cwd=work,
    )
    if not out.is_file() or out.stat().st_size < 1000:
        raise CheckFailedError("the demo try-on wrote no result")
    ok(f"demo try-on from a HEIC photo: {out.name}, {out.stat().st_size} bytes")

    lookbook(aurax, env, work, person)

    line = run([window, "--smoke-test"], env).stdout.strip().splitlines()[-1]
    if not line.startswith("smoke test passed"):
        raise CheckFailedError(line)
    ok(line)
    history = json.loads(run([aurax, "--json", "history", "--limit", "5"], env).stdout)
    smoke = history[0]
    if smoke["status"] != "completed" or not Path(smoke["results"][0]).is_file():
        raise CheckFailedError(f"the smoke test's job is not in the history as completed: {smoke}")
    ok(f"the smoke test's job is in the history, completed, with {smoke['results'][0]}")

    languages(aurax, window, env, bundle)

    certificates = list((bundle / "_internal").rglob("cacert.pem"))
    if not certificates:
        raise CheckFailedError("no TLS certificates (certifi's cacert.pem) in the bundle")
    ok(f"TLS certificates: {certificates[0].relative_to(bundle)}")
    keyring_check(aurax, env, work)
    first_start_check(window, env, work)
    desktop_files(bundle)
    install(bundle, env, work)


def lookbook(aurax: Path, env: dict[str, str], work: Path, person: Path) -> None:
    """A 1 x 2 batch from the command, then its lookbook as a PDF (reportlab in the
    bundle) and as a contact sheet; then a season's list (an XLSX, names in Arabic and
    Chinese) sent as a batch, its line sheet and lookbook set in the bundled fonts."""
    garments = [SAMPLES / "dress-red.png", SAMPLES / "top-striped.png"]
    looks = work / "looks"
    batch = [aurax, "--demo", "batch", "--people", person, "--garments", *garments]
    run([*batch, "--type", "GARMENT", "--yes", "-o", looks], env, cwd=work)
    made = sorted(p.name for p in looks.iterdir())
    if made != ["person__dress-red.jpg", "person__top-striped.jpg"]:
        raise CheckFailedError(f"the demo batch wrote {made}")
    for name in ("lookbook.pdf", "sheet.png"):
        run([aurax, "lookbook", work / name], env, cwd=work)
        if (work / name).stat().st_size < 1000:
            raise CheckFailedError(f"the lookbook {name} is empty")
    ok(f"demo batch of 2 ({', '.join(made)}), its lookbook as a PDF and a contact sheet")
    season(aurax, env, work, person)


SEASON_NAMES = ("فستان أحمر", "条纹上衣")


def season(aurax: Path, env: dict[str, str], work: Path, person: Path) -> None:
    from openpyxl import Workbook
    from pypdf import PdfReader

    listed = Workbook()
    sheet = listed.active
    sheet.append(["File", "SKU", "Name", "Type", "Price"])
    for (garment, kind), name in zip(
        (("dress-red.png", "dress"), ("top-striped.png", "garment")), SEASON_NAMES, strict=True
    ):
        shutil.copy(SAMPLES / garment, work / garment)
        sheet.append([garment, f"SS27-{kind}", name, kind, 120])
    listed.save(work / "SS27.xlsx")
    season_looks = work / "season"
    command = [aurax, "--demo", "batch", "--people", person, "--manifest", work / "SS27.xlsx"]
    run([*command, "--name", "SS27", "--yes", "-o", season_looks], env, cwd=work)
    made = len(list(season_looks.iterdir()))
    if made != 2:
        raise CheckFailedError(f"the batch from a season's list wrote {made} results, not 2")
    for document in ("linesheet", "lookbook"):
        target = work / f"SS27-{document}.pdf"
        run([aurax, document, target], env, cwd=work)
        text = "".join(page.extract_text() for page in PdfReader(target).pages)
        if "条纹上衣" not in text or "SS27-dress" not in text:
            raise CheckFailedError(f"the {document} lacks the list's names: {text[:300]!r}")
    ok("a season's list (XLSX, Arabic and Chinese names) sent; its line sheet and lookbook")


KEYRING_SCRIPT = """
set -e
eval "$(printf 'test-password\\n' | gnome-keyring-daemon --replace --unlock \\
    --components=secrets --daemonize | sed 's/^/export /')"
"$DEV_PYTHON" -c "
from aurax_desktop.account import Credentials, CredentialStore
CredentialStore().save(Credentials('$DEMO_KEY', '$DEMO_KEY_ID'))"
env -i PATH=/usr/bin:/bin HOME="$HOME" DBUS_SESSION_BUS_ADDRESS="$DBUS_SESSION_BUS_ADDRESS" \\
    "$AURAX" --base-url "$DEMO_URL" task no-such-task || true
"""


def languages(aurax: Path, window: Path, env: dict[str, str], bundle: Path) -> None:
    """Every language's catalog and Qt's words for it are in the bundle; the command
    writes German dates, and the window runs mirrored in Arabic."""
    inside = bundle / "_internal"
    for code in ("de", "fr", "es", "it", "zh_CN", "ja", "ar"):
        if not (inside / "aurax_desktop" / "locale" / code / "LC_MESSAGES" / "aurax.mo").is_file():
            raise CheckFailedError(f"the {code} translation is not in the bundle")
        if not list(inside.rglob(f"qtbase_{code}.qm")):
            raise CheckFailedError(f"Qt's {code} translation is not in the bundle")
    listed = run([aurax, "--language", "de", "history", "--limit", "1"], env).stdout
    if not re.search(r"\d\d\.\d\d\.\d\d, \d\d:\d\d", listed):
        raise CheckFailedError(f"`aurax --language de history` wrote no German date: {listed}")
    ok("seven translations, Qt's words for each; German dates from `aurax --language de`")
    # run() fails on any exit but 0 (the smoke test's own verdict); its line is the
    # window's, in the window's language
    line = run([window, "--smoke-test"], {**env, "LANGUAGE": "ar"}).stdout.strip()
    said = line.splitlines()[-1] if line else ""
    if not re.search("[\u0600-\u06ff]", said) or "smoke test" in said:
        raise CheckFailedError(f"the window did not speak Arabic: {line}")
    ok("the window's smoke test passes in Arabic, and says so in Arabic")


def keyring_check(aurax: Path, env: dict[str, str], work: Path) -> None:
    """The command finds the key in a real Secret Service (gnome-keyring on a private
    D-Bus session) and the demo server accepts it: a missing task, not a refused key."""
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        ok("keyring: skipped (dbus-run-session and gnome-keyring-daemon are not installed)")
        return
    sys.path.insert(0, str(ROOT))
    from aurax_desktop.demo import DemoServer

    with DemoServer(task_seconds=0.5) as server:
        script = work / "keyring.sh"
        script.write_text(KEYRING_SCRIPT, encoding="utf-8")
        done = subprocess.run(
            ["dbus-run-session", "--", "sh", str(script)],
            env={
                **env,
                "DEV_PYTHON": sys.executable,
                "AURAX": str(aurax),
                "DEMO_URL": server.url,
                "DEMO_KEY": server.api_key,
                "DEMO_KEY_ID": server.key_id,
                "AURAX_DATA_DIR": str(work / "keyring-data"),
            },
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    said = done.stdout + done.stderr
    if "does not know this task" not in said:
        raise CheckFailedError(f"the bundle did not use the key from the keyring:\n{said}")
    ok("keyring: the command read the key from the Secret Service and was let in")


WELCOME_TITLE = "Welcome to AuraX Desktop"
WAITING_TITLE = "Waiting for the system keyring"
FIRST_START_LIMIT_S = 2.0
PROGRESS_SHOWS_ITSELF_S = 4.0
"""When a Qt progress dialog left alone shows itself: the first start is watched past it."""


def first_start_check(window: Path, env: dict[str, str], work: Path) -> None:
    """The installed window's first start with a system keyring that never answers (a
    private D-Bus session whose Secret Service takes every call and replies to none),
    on a virtual screen with a window manager: on a fresh account the welcome dialog
    shows within 2 s and alone, and stays alone; for a returning user (a key id kept
    in the settings) the keyring is waited for with a dialog saying so, whose "Use a
    key for this session only" (here its keyboard path, Escape) leads to the welcome."""
    needed = ("dbus-run-session", "xvfb-run", "openbox", "xdotool")
    missing = [tool for tool in needed if shutil.which(tool) is None]
    if missing:
        ok(f"first start: skipped ({', '.join(missing)} not installed)")
        return
    for returning in (False, True):
        home = work / ("first-start-returning" if returning else "first-start-fresh")
        home.mkdir()
        if returning:  # as connecting once leaves the settings: the key's id
            run(
                [
                    sys.executable,
                    "-c",
                    "from dataclasses import replace\n"
                    "from aurax_desktop.account import SettingsStore\n"
                    "store = SettingsStore()\n"
                    "store.save(replace(store.load().settings, key_id='kept-before'))",
                ],
                {**env, "HOME": str(home), "PYTHONPATH": str(ROOT)},
            )
        done = run(
            [
                *("dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1366x768x24"),
                *(sys.executable, __file__, "first-start", window, home),
                *(["returning"] if returning else []),
            ],
            {**env, "HOME": str(home)},
            timeout=120,
        )
        seen = json.loads(done.stdout.strip().splitlines()[-1])
        if returning:
            if seen["waiting_at"] is None or seen["welcome_after_cancel"] is None:
                raise CheckFailedError(
                    f"the keyring's wait could not be left for the welcome: {seen}"
                )
            ok(
                f"first start of a returning user, the keyring never answering: the wait shown "
                f"at {seen['waiting_at']:.1f} s, and its Cancel opened the welcome in "
                f"{seen['welcome_after_cancel']:.1f} s"
            )
        else:
            at = seen["welcome_at"]
            if at is None or at > FIRST_START_LIMIT_S or seen["waiting_at"] is not None:
                raise CheckFailedError(
                    f"the first start did not show the welcome alone within "
                    f"{FIRST_START_LIMIT_S:g} s: {seen}"
                )
            ok(
                f"first start on a fresh account, the keyring never answering: the welcome "
                f"alone at {at:.1f} s (target {FIRST_START_LIMIT_S:g} s), still alone at "
                f"{seen['watched']:.1f} s"
            )


def watch_first_start(window: Path, home: Path, returning: bool) -> dict[str, float | None]:
    """Inside the D-Bus session and on the virtual screen: the silent keyring, a window
    manager, then the window; what showed when, from its start (one JSON line)."""
    silent = subprocess.Popen(
        [sys.executable, str(ROOT / "packaging" / "silent_keyring.py")],
        stdout=subprocess.PIPE,
        text=True,
    )
    manager = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    app: subprocess.Popen[bytes] | None = None
    seen: dict[str, float | None] = {"welcome_at": None, "waiting_at": None, "watched": 0.0}
    try:
        assert silent.stdout is not None
        if silent.stdout.readline().strip() != "ready":
            raise SystemExit("the silent keyring did not take the Secret Service's name")
        passed = ("DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS")
        app_env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "xcb"}
        app_env |= {name: os.environ[name] for name in passed if name in os.environ}
        started = time.monotonic()
        app = subprocess.Popen(
            [str(window)], env=app_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        watch_until = started + (15.0 if returning else PROGRESS_SHOWS_ITSELF_S + 2.0)
        cancelled_at: float | None = None
        while time.monotonic() < watch_until and app.poll() is None:
            shown = visible_windows()
            now = time.monotonic() - started
            waiting = [w for w, title in shown.items() if title.startswith(WAITING_TITLE)]
            if waiting and seen["waiting_at"] is None:
                seen["waiting_at"] = now
            if any(title == WELCOME_TITLE for title in shown.values()):
                if seen["welcome_at"] is None:
                    seen["welcome_at"] = now
                if cancelled_at is not None and not waiting:
                    seen["welcome_after_cancel"] = now - cancelled_at
                    break
            if returning and waiting and cancelled_at is None:
                subprocess.run(
                    ["xdotool", "windowactivate", "--sync", waiting[0], "key", "Escape"],
                    check=False,
                    capture_output=True,
                    timeout=10,
                )
                cancelled_at = time.monotonic() - started
            seen["watched"] = now
            time.sleep(0.1)  # the screen, looked at ten times a second
        seen.setdefault("welcome_after_cancel", None)
    finally:
        for process in (app, manager, silent):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
    return seen


def visible_windows() -> dict[str, str]:
    """The virtual screen's windows that are shown, by id, with their titles."""
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "."],
        capture_output=True,
        text=True,
        check=False,
        timeout=10,
    )
    titles = {}
    for window in found.stdout.split():
        name = subprocess.run(
            ["xdotool", "getwindowname", window],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
        titles[window] = name.stdout.strip()
    return titles


def desktop_files(bundle: Path) -> None:
    desktop = bundle / "share" / "applications" / f"{APP_ID}.desktop"
    metainfo = bundle / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    if shutil.which("desktop-file-validate"):
        said = subprocess.run(
            ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
        )
        if said.returncode != 0 or said.stdout.strip() or said.stderr.strip():
            raise CheckFailedError(f"desktop-file-validate: {said.stdout}{said.stderr}")
        ok("desktop-file-validate accepts the desktop entry")
    if shutil.which("appstreamcli"):
        said = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(metainfo)],
            capture_output=True,
            text=True,
            check=False,
        )
        if said.returncode != 0:
            raise CheckFailedError(f"appstreamcli validate: {said.stdout}{said.stderr}")
        ok("appstreamcli validate accepts the AppStream file")
    from PIL import Image

    for size in (16, 32, 48, 64, 128, 256, 512):
        png = bundle / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        with Image.open(png) as image:
            if image.size != (size, size):
                raise CheckFailedError(f"{png.name} at {size}: it is {image.size}")
    ok("icons at 16, 32, 48, 64, 128, 256 and 512 pixels, and scalable")


def install(bundle: Path, env: dict[str, str], work: Path) -> None:
    prefix = work / "prefix"
    before = set(prefix.rglob("*")) if prefix.exists() else set()
    run(["sh", bundle / "install.sh"], {**env, "AURAX_PREFIX": str(prefix)})
    placed = set(prefix.rglob("*"))
    entry = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    if not entry.is_file() or not (prefix / "bin" / "aurax").exists():
        raise CheckFailedError("install.sh did not put the menu entry and the commands in place")
    run([prefix / "bin" / "aurax", "--version"], env)
    exec_line = next(
        line for line in entry.read_text(encoding="utf-8").splitlines() if line.startswith("Exec=")
    )
    if exec_line != f"Exec={prefix / 'lib' / 'aurax-desktop' / 'aurax-desktop'} %F":
        raise CheckFailedError(f"the installed menu entry runs {exec_line!r}")
    ok(f"install.sh put {len(placed - before)} files and folders under the prefix")
    run(
        ["sh", prefix / "lib" / "aurax-desktop" / "uninstall.sh"],
        {**env, "AURAX_PREFIX": str(prefix)},
    )
    left = {p for p in prefix.rglob("*") if p.is_file() or p.is_symlink()}
    if left:
        raise CheckFailedError(f"uninstall.sh left files behind: {sorted(map(str, left))[:5]}")
    ok("uninstall.sh removed every file install.sh put there")


def main() -> int:
    archives = sorted((ROOT / "dist").glob("aurax-desktop-*.tar.gz"))
    if not archives:
        print("check_bundle: no dist/aurax-desktop-*.tar.gz; run packaging/build.py first")
        return 1
    with tempfile.TemporaryDirectory(prefix="aurax-bundle-") as folder:
        try:
            check(archives[-1], Path(folder))
        except CheckFailedError as failure:
            print(f"FAILED: {failure}")
            return 1
    print("the bundle works on its own")
    return 0


if __name__ == "__main__":
    os.environ.pop("AURAX_DATA_DIR", None)
    if sys.argv[1:2] == ["first-start"]:  # inside the session first_start_check makes
        watched = watch_first_start(Path(sys.argv[2]), Path(sys.argv[3]), "returning" in sys.argv)
        print(json.dumps(watched))
        sys.exit(0)
    sys.exit(main())
