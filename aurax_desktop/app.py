"""Wiring: settings + credentials + history + client + runner + window.

``create_window(["--demo"])`` builds the whole program and returns the shown
main window without entering the event loop (the caller owns the
QApplication); ``main(argv)`` runs it.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

import aurax_desktop
from aurax_desktop import paths
from aurax_desktop.account import from_environment
from aurax_desktop.account.settings import settings_path
from aurax_desktop.imaging import use_jpeg_encoder
from aurax_desktop.jobs import InstanceLock
from aurax_desktop.logs import setup_logging
from aurax_desktop.privacy import make_private
from aurax_desktop.session import Session
from aurax_desktop.translation import _, current_language, use_language
from aurax_desktop.ui.common.after_paint import after_first_paint
from aurax_desktop.ui.common.icons import app_icon
from aurax_desktop.ui.common.language import apply_language, window_language
from aurax_desktop.ui.common.qt_jpeg import qt_jpeg
from aurax_desktop.ui.common.theme import apply_theme, choose_theme
from aurax_desktop.ui.shell.dialogs.already_open import AlreadyOpenDialog
from aurax_desktop.ui.shell.handover import Inbox, file_opened, hand_over
from aurax_desktop.ui.shell.main_window import MainWindow
from aurax_desktop.ui.shell.opening import open_given
from aurax_desktop.ui.shell.smoke_test import SmokeTest

log = logging.getLogger(__name__)


class _Version(argparse.Action):
    """``--version``: the installed version, read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help") or ""))

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        print(f"{parser.prog} {aurax_desktop.__version__}")  # on stdout, as argparse's own
        parser.exit()


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help, its "usage:" in the user's language too."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        # Translators: the start of the command's help, followed by how it is called.
        super().add_usage(usage, actions, groups, prefix if prefix else _("usage: "))


def build_parser() -> argparse.ArgumentParser:
    """The options, their help in the language spoken now."""
    parser = argparse.ArgumentParser(
        prog="aurax-desktop",
        description=_("AuraX Desktop: virtual try-on studio."),
        formatter_class=_HelpFormatter,
        add_help=False,
    )
    parser._positionals.title = _("positional arguments")
    parser._optionals.title = _("options")
    parser.add_argument("-h", "--help", action="help", help=_("show this help message and exit"))
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("start the built-in demo server and use it (no account needed)"),
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help=_("another AuraX-compatible server (credentials from the environment or the keyring)"),
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help=_(
            "make one demo try-on through the window, print what happened and quit "
            "(exit status 0 when it worked)"
        ),
    )
    parser.add_argument("--version", action=_Version, help=_("show the version and quit"))
    parser.add_argument(
        "photos",
        nargs="*",
        type=Path,
        metavar="PHOTO",
        help=_(
            "photos or folders to open in the Try-On page (a name that says a product, "
            "like red-dress.jpg, goes to the Garment pane; others to the Person pane)"
        ),
    )
    return parser


def chosen_language() -> str:
    """The language chosen in View → Language ("" for the system's), peeked at in the
    settings before the window reads them for real (which sets a damaged file aside and
    says so): nothing is written here."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    chosen = data.get("language") if isinstance(data, dict) else None
    return chosen if isinstance(chosen, str) else ""


def speak_before_the_window() -> None:
    """What is said before the window is built (the help, a missing screen, another
    window open) in the language the window will speak."""
    use_language(window_language(chosen_language()))


GUI_SWITCH_INTERVAL_S = 0.001
"""How long a worker thread may hold the GIL before the GUI thread gets its turn
(Python's default, 5 ms, lets busy workers stall the event loop noticeably)."""


def set_aside_what_is_built() -> None:
    """Set the program as built (its modules, the window's widgets and their wrappers:
    about 150,000 objects) aside from the garbage collector's full passes, which walk
    every object the program holds: reading a batch of 10,000 try-ons set off two of
    them, of 130 and 340 ms, and the window stood still meanwhile. What is set aside is
    freed as ever once nothing refers to it; only a reference cycle within it would
    stay, and what is built at the start stays for the whole run anyway."""
    gc.freeze()


def create_window(
    argv: Sequence[str] = (), *, read_only: bool = False, why: str | None = None
) -> MainWindow:
    """The whole program's window; ``read_only``: another window owns the data folder
    (or ``why``: it cannot be written), this one only browses the history."""
    args = build_parser().parse_args(list(argv))
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    use_jpeg_encoder(qt_jpeg)  # previews and uploads made on workers never hold up a paint
    make_private()  # photos of people are personal data: what is made is the user's only
    try:
        setup_logging()
    except OSError as exc:  # a read-only or full data folder: the window says so
        log.warning("No log file: %s", exc)
    session = Session(read_only=read_only, read_only_reason=why)
    apply_language(window_language(session.settings.language))  # before any word is shown
    if session.settings.theme:  # the user's choice (View → Theme) over the system's
        choose_theme(session.settings.theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app)
    environment = from_environment()
    if args.demo and not read_only:
        session.start_demo()
    window = MainWindow(session)
    window.show()
    if not read_only:  # photos opened later, from another launch, arrive here
        Inbox(window)
    # What the window's first look does not need waits until it is on screen.
    steps: list[Callable[[], None]] = [set_aside_what_is_built]
    if environment is not None and not session.connected and not read_only:
        # the key given in the environment (building the HTTP client takes a while)
        steps.append(lambda: window.connection.use(environment, args.base_url))
    steps.append(window.start)  # the history shows, connected or not
    if args.photos:  # "Open with" from the file manager, or the command line
        photos = list(args.photos)
        steps.append(lambda: open_given(window, photos))
    if environment is None and not session.connected and not read_only:
        # a key kept before, read from the keyring (on a thread of its own: the keyring
        # may wait for its password), else the welcome dialog
        steps.append(lambda: window.connection.start(args.base_url))
    pending = after_first_paint(window, *steps)
    window.closing.connect(pending.cancel)  # closed before it painted: nothing more
    return window


APP_ID = "in.co.aurax.Desktop"
"""The application's id: the desktop entry's and the AppStream file's name."""


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    speak_before_the_window()
    args = build_parser().parse_args(arguments)  # --help and --version need no screen
    from aurax_desktop.ui.shell.display_check import display_problem  # noqa: PLC0415 - main() alone

    problem = None if QApplication.instance() else display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    app = QApplication.instance() or AuraxApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    apply_language(current_language())  # Qt's words and the direction, as the window's
    if args.smoke_test:
        return smoke_test(app, arguments)
    lock = InstanceLock()
    acquired = lock.acquire()
    if lock.unwritable is not None:  # a read-only data folder: shown, never written
        owned: bool | None = False
    else:
        if not acquired and args.photos and hand_over(args.photos):
            return 0  # the window already running opens them
        owned = True if acquired else claim_data_folder(lock)
    if owned is None:
        return 0
    read_only = not owned
    try:
        window = create_window(arguments, read_only=read_only, why=lock.unwritable)
        if os.environ.get("AURAX_STARTUP_PROBE"):  # benchmarks/startup.py --program
            probe = FirstPaintProbe(app)
            window.installEventFilter(probe)
        code = app.exec()
        dispose(window)
    finally:
        lock.release()
    return code


class AuraxApplication(QApplication):
    """The program's application object: files macOS opens with it arrive as events."""

    def event(self, event: QEvent) -> bool:
        return file_opened(event) or super().event(event)


class FirstPaintProbe(QObject):
    """For measuring start-up: prints the time of the window's first paint, then quits."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def configure_application(app: QApplication) -> None:
    """Names, version, icon and theme; the desktop file name is the application id, so
    desktops match the window to its menu entry and icon."""
    app.setApplicationName("AuraX Desktop")
    app.setOrganizationName("AuraX")
    app.setApplicationVersion(aurax_desktop.__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    apply_theme(app)


def smoke_test(app: QApplication, arguments: list[str]) -> int:
    """One demo try-on through the real window; one line on stdout; 0 when it worked."""
    outcome: list[tuple[int, str]] = []

    def finish(code: int, line: str) -> None:
        outcome.append((code, line))
        app.exit(code)

    window = create_window(["--demo", *(a for a in arguments if a != "--smoke-test")])
    test = SmokeTest(window.session, window.features.try_on, window.cache, finish)
    QTimer.singleShot(0, test.start)
    code = app.exec()
    window.close()
    dispose(window)
    code, line = outcome[0] if outcome else (1, _("smoke test failed: the window closed early"))
    print(line, flush=True)
    return code


def claim_data_folder(lock: InstanceLock) -> bool | None:
    """True when this window owns the data folder; False when another window does and
    the user chose to browse the history read-only; None when the user chose to quit."""
    if lock.acquire():
        return True
    return False if AlreadyOpenDialog(paths.data_dir()).wants_to_browse() else None


def dispose(window: MainWindow) -> None:
    """Stop every worker and delete the window while the QApplication still exists
    (left to Python's teardown, the order of deletion is arbitrary and can crash). A
    window not closed yet is closed first, as the user closes it: its own workers stop
    there, and one handing back its work while the window was deleted crashed."""
    if not window.closed:
        window.close()
    window.session.shutdown()
    shiboken6.delete(window)


if __name__ == "__main__":
    sys.exit(main())
