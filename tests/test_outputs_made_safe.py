"""What the program writes for other programs is made safe for them: CSV cells never run
as spreadsheet formulas, the terminal never receives a control sequence from outside,
and a description in an odd character set is kept (as UTF-8), never lost after it was
charged. The server here is a scripted one on loopback: the demo server never sends
hostile text."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from aurax_desktop.api import AuraxClient, ProductType, RetryPolicy
from aurax_desktop.cli import main
from aurax_desktop.cli.terminal import terminal_safe
from aurax_desktop.exports import DescribedProduct, write_descriptions_csv, write_shopify_csv
from aurax_desktop.exports.descriptions import spreadsheet_safe
from tests.api.scripted_server import ScriptedServer, answer
from tests.factories import jpeg_bytes

FORMULAS = [
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("cell", FORMULAS)
def test_a_cell_that_starts_like_a_formula_gets_an_apostrophe(cell: str) -> None:
    assert spreadsheet_safe(cell) == "'" + cell
    assert spreadsheet_safe("A linen dress = summer") == "A linen dress = summer"


def test_every_column_of_both_description_csvs_is_neutralised(tmp_path: Path) -> None:
    rows = [
        DescribedProduct(f"{formula}.jpg", formula, f"{formula} A dress. More.", formula)
        for formula in FORMULAS
    ]
    plain = write_descriptions_csv(tmp_path / "plain.csv", rows, with_errors=True)
    shopify = write_shopify_csv(tmp_path / "shop.csv", rows)
    for path in (plain, shopify):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            cells = [cell for row in list(csv.reader(handle))[1:] for cell in row]
        assert cells
        risky = [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
        assert risky == []
    with plain.open(encoding="utf-8-sig", newline="") as handle:
        first = list(csv.reader(handle))[1]
    assert first[1] == "'" + FORMULAS[0]  # kept, readable, shown not run


def test_control_characters_are_shown_escaped_on_the_terminal() -> None:
    hostile = "Nice dress\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b]0;owned\x07\u202eevil\x9b"
    safe = terminal_safe(hostile)
    assert "\x1b" not in safe and "\x07" not in safe and "\u202e" not in safe
    assert "\x9b" not in safe
    assert safe.startswith("Nice dress\\x1b]52;c;")
    assert terminal_safe("two\nlines\tand a tab") == "two\nlines\tand a tab"


def _describe_server(text: bytes, content_type: str) -> ScriptedServer:
    server = ScriptedServer()
    server.on("/api/ai/product-description", answer(text, 200, content_type))
    return server


def test_aurax_prints_a_hostile_description_without_its_escapes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = tmp_path / "dress\x1b[31m.jpg"
    photo.write_bytes(jpeg_bytes((200, 300)))
    hostile = "A dress\x1b]52;c;ZXZpbA==\x07 for\x1b[2J summer\x1b]0;owned\x07."
    monkeypatch.setenv("AURAX_API_KEY", "secret-key-123")
    monkeypatch.setenv("AURAX_KEY_ID", "kid")
    with _describe_server(hostile.encode(), "text/plain; charset=utf-8") as server:
        code = main(["--base-url", server.url, "describe", str(photo), "--type", "dress"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    for stream in (captured.out, captured.err):
        assert "\x1b" not in stream and "\x07" not in stream
    assert "A dress\\x1b]52;c;ZXZpbA==\\x07 for" in captured.out


@pytest.mark.parametrize(
    ("charset", "body", "expected"),
    [
        ("idna", "Un vestido de lino ñ".encode(), "Un vestido de lino ñ"),
        ("x-no-such-charset", "Robe en lin é".encode(), "Robe en lin é"),
        ("rot13", b"A linen dress", "A linen dress"),
        ("base64", b"A linen dress", "A linen dress"),
        ("latin-1", "Robe en lin é".encode("latin-1"), "Robe en lin é"),
        ("utf-8", b"Broken \xff byte", "Broken \ufffd byte"),
    ],
)
def test_a_description_in_an_odd_charset_is_kept(charset: str, body: bytes, expected: str) -> None:
    with _describe_server(body, f"text/plain; charset={charset}") as server:
        client = AuraxClient(
            server.url, api_key="secret-key-123", key_id="kid", retry=RetryPolicy(attempts=1)
        )
        try:
            text = client.describe_product(jpeg_bytes((50, 50)), ProductType.DRESS)
        finally:
            client.close()
    assert text == expected
