"""The window read through a real AT-SPI bus, as Orca reads it: the program started in
demo mode under Xvfb, on Qt's X11 platform with its accessibility on, in a private
D-Bus session with its own accessibility bus; the tree read by pyatspi under the
system's Python (``at_spi_session``, ``at_spi_reader``). Skipped where Debian's
xvfb, dbus, at-spi2-core or python3-pyatspi are not installed."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui.at_spi_session import missing

ROOT = Path(__file__).resolve().parents[2]
LACKING = missing()
pytestmark = [
    pytest.mark.skipif(LACKING is not None, reason=LACKING or ""),
    pytest.mark.slow,
]

Node = dict[str, Any]
CONTROLS = {"push button", "check box", "combo box", "slider", "text", "spin button", "list"}


@pytest.fixture(scope="module")
def window_tree(tmp_path_factory: pytest.TempPathFactory) -> Node:
    """The main window's tree of showing nodes, as the screen reader got it."""
    out = tmp_path_factory.mktemp("tree") / "tree.json"
    read = subprocess.run(
        [
            "dbus-run-session",
            "--",
            sys.executable,
            "-m",
            "tests.ui.at_spi_session",
            str(tmp_path_factory.mktemp("data")),
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert read.returncode == 0, read.stderr[-2000:]
    tree: Node = json.loads(out.read_text(encoding="utf-8"))
    return tree


def nodes(tree: Node) -> Iterator[Node]:
    yield tree
    for child in tree["children"]:
        yield from nodes(child)


def names(tree: Node) -> set[str]:
    return {node["name"] for node in nodes(tree)}


def try_on_page(tree: Node) -> Node:
    """The smallest node holding both photo panes and the Try on button."""
    found = tree
    for node in nodes(tree):
        if {"Person photo", "Garment photo", "Try on"} <= names(node):
            found = node  # deeper nodes come later: the last that holds them all
    return found


def heard(tree: Node) -> list[str]:
    """What a screen reader says for each control: the label it is labelled by (when that
    is not its name already), its name, its role, its description."""
    lines = []
    for node in nodes(tree):
        if node["role"] in CONTROLS or node["focusable"]:
            labels = [label for label in node["labelled_by"] if label != node["name"]]
            parts = (*labels, node["name"], node["role"], node["description"])
            lines.append(", ".join(part for part in parts if part))
    return lines


def test_the_window_is_on_the_accessibility_bus(window_tree: Node) -> None:
    assert window_tree["role"] == "frame" and window_tree["name"].startswith("AuraX Desktop")
    menus = [n["name"] for n in nodes(window_tree) if n["role"] == "menu item"]
    assert menus[:6] == ["File", "Edit", "View", "Jobs", "Account", "Help"]


def test_the_try_on_page_reads_its_controls(window_tree: Node) -> None:
    said = heard(try_on_page(window_tree))
    for expected in (
        "Choose a person photo…, push button",
        "Paint the garment area (B), check box",
        "Brush size, slider",
        "Garment strength, slider",
        "Prompt, text",
        "Use prompt, check box",
        "Try on, push button, Send the try-on (Ctrl+Enter)",
    ):
        assert any(line.startswith(expected) for line in said), (expected, said)


def test_the_job_searchs_buttons_have_names(window_tree: Node) -> None:
    search = next(n for n in nodes(window_tree) if n["name"] == "Search jobs")
    buttons = {n["name"] for n in search["children"] if n["role"] == "push button"}
    assert buttons == {"Search", "Clear the search"}


def test_the_fields_are_read_with_their_labels(window_tree: Node) -> None:
    """A list is read by what it chooses, then its value ("Product type, Garment"), not
    by its value alone; the sliders and the prompt are labelled by their labels too."""
    said = heard(try_on_page(window_tree))
    assert "Product type, Garment, combo box" in said, said
    labelled = {
        node["name"]: node["labelled_by"]
        for node in nodes(try_on_page(window_tree))
        if node["role"] in ("slider", "text")
    }
    assert labelled["Garment strength"] == ["Garment strength"]
    assert labelled["Brush size"] == ["Brush size"]
    assert labelled["Prompt"] == ["Prompt"]


def test_the_picture_panes_say_what_they_hold(window_tree: Node) -> None:
    said = heard(try_on_page(window_tree))
    assert "Person photo, filler, Drop person photos here, paste (Ctrl+V), or click to browse" in (
        said
    )
    assert any(line.startswith("Garment photo, filler, Drop garment photos") for line in said)


def test_every_focusable_node_of_the_try_on_page_has_a_name(window_tree: Node) -> None:
    nameless = [
        n["role"] for n in nodes(try_on_page(window_tree)) if n["focusable"] and not n["name"]
    ]
    assert nameless == []
