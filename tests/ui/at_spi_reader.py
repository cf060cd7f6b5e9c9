"""Read a running program's accessibility tree over AT-SPI, as a screen reader does, and
write it as JSON to a file: ``/usr/bin/python3 at_spi_reader.py NAME SECONDS OUT``.

Run by the system's Python (Debian's python3-pyatspi is installed for it, not for a
virtual environment), on the session bus of the program's private D-Bus session
(``at_spi_session``). It waits, within SECONDS, for an application called NAME to
show a window holding a push button, then writes that window's tree of showing nodes
to OUT (a file, not standard output: services the session's bus starts, such as the
AT-SPI registry, inherit that and may print on it):
each one's role, name, description, the names of the labels it is labelled by (a
label's buddy, which a screen reader reads with the control) and children.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

LEAVES_FROM = 4000
"""No tree a screen reader walks is this large; a guard against a cycle."""


def node(accessible, budget: list[int]) -> dict:
    budget[0] -= 1
    children = []
    if budget[0] > 0:
        for index in range(accessible.childCount):
            child = accessible.getChildAtIndex(index)
            if child is not None and child.getState().contains(pyatspi.STATE_SHOWING):
                children.append(node(child, budget))
    return {
        "role": accessible.getRoleName(),
        "name": accessible.name or "",
        "description": accessible.description or "",
        "focusable": accessible.getState().contains(pyatspi.STATE_FOCUSABLE),
        "labelled_by": labels(accessible),
        "children": children,
    }


def labels(accessible) -> list[str]:
    """The names of what ``accessible`` is labelled by."""
    found = []
    for relation in accessible.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for index in range(relation.getNTargets()):
                target = relation.getTarget(index)
                if target is not None and target.name:
                    found.append(target.name)
    return found


def application(name: str):
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name == name:
            return app
    return None


def has_button(tree: dict) -> bool:
    return tree["role"] == "push button" or any(has_button(c) for c in tree["children"])


def main() -> int:
    name, seconds, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app = application(name)
        windows = [app.getChildAtIndex(i) for i in range(app.childCount)] if app else []
        trees = [node(w, [LEAVES_FROM]) for w in windows if w is not None]
        shown = [tree for tree in trees if has_button(tree)]
        if shown:
            with open(out, "w", encoding="utf-8") as file:
                json.dump(shown[0], file, ensure_ascii=False)
            return 0
        time.sleep(0.2)  # a bounded poll: the program registers on the bus when it starts
    names = [a.name for a in pyatspi.Registry.getDesktop(0) if a is not None]
    print(f"no window of {name!r} on the accessibility bus; there: {names}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
