"""The aurax command, run in-process against the demo server (--demo or --base-url)."""

from __future__ import annotations

import argparse
import csv
import json
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from aurax_desktop.cli import main
from aurax_desktop.cli.context import command_context
from aurax_desktop.demo import TRIAL_CREDITS, DemoServer
from tests.factories import garment_jpeg, jpeg_bytes, mask_png, person_jpeg


@pytest.fixture
def photos(tmp_path: Path) -> dict[str, Path]:
    files = {
        "person.jpg": person_jpeg(),
        "garment.jpg": garment_jpeg(),
        "mask.png": mask_png((600, 900), (150, 200, 449, 699)),
        "red.jpg": jpeg_bytes((120, 120), (210, 30, 30)),
        "blue.jpg": jpeg_bytes((120, 120), (30, 40, 200)),
        "café crème.jpg": jpeg_bytes((120, 120), (240, 230, 200)),
        "broken.jpg": jpeg_bytes((120, 120))[:300],
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return {name: tmp_path / name for name in files}


def use_server(
    monkeypatch: pytest.MonkeyPatch, server: DemoServer, key: str | None = None
) -> list[str]:
    monkeypatch.setenv("AURAX_API_KEY", key or server.api_key)
    monkeypatch.setenv("AURAX_KEY_ID", server.key_id)
    return ["--base-url", server.url]


def test_try_on_in_demo_mode_saves_the_result_as_asked(
    photos: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "look.png"
    code = main(
        [
            "--demo",
            "try-on",
            str(photos["person.jpg"]),
            str(photos["garment.jpg"]),
            "--type",
            "dress",
            "--strength",
            "3",
            "--mask",
            str(photos["mask.png"]),
            "--prompt",
            "summer",
            "-o",
            str(out),
        ]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.out.strip() == str(out)
    assert Image.open(out).format == "PNG" and Image.open(out).size == (600, 900)
    assert "Try-on" in captured.err and "Completed" in captured.err  # progress on stderr


def test_the_demo_starts_with_credits_for_a_whole_season() -> None:
    """aurax --demo can send a season's batch (40 garments on 10 people: 1,200 credits)."""
    args = argparse.Namespace(demo=True, base_url=None, deadline=None)
    with command_context(args) as context:
        stats = context.client.base_url + "/_demo/stats"
        with urllib.request.urlopen(stats, timeout=10) as answer:
            left = json.load(answer)["credits"]
    assert list(left.values()) == [TRIAL_CREDITS] and TRIAL_CREDITS >= 1200


def test_generate_with_json_output(
    monkeypatch: pytest.MonkeyPatch,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = demo_factory(task_seconds=0.3)
    out = tmp_path / "shoe.jpg"
    code = main(
        [
            *use_server(monkeypatch, server),
            "--json",
            "generate",
            "a black boot",
            "--type",
            "FOOTWEAR",
            "--size",
            "300x200",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["status"] == "completed" and record["output"] == str(out)
    assert record["cost"] == 1 and record["task_id"]
    assert Image.open(out).size == (300, 200) and Image.open(out).format == "JPEG"


def test_describe_many_with_a_csv_and_one_damaged_file(
    monkeypatch: pytest.MonkeyPatch,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = demo_factory()
    table = tmp_path / "descriptions.csv"
    names = ["red.jpg", "broken.jpg", "blue.jpg", "café crème.jpg"]
    code = main(
        [
            *use_server(monkeypatch, server),
            "describe",
            *(str(photos[n]) for n in names),
            "--type",
            "GARMENT",
            "--csv",
            str(table),
        ]
    )
    assert code == 1  # one failed, the others succeeded
    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so spreadsheets read UTF-8
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["file"] for r in rows] == names
    assert all(r["product_type"] == "GARMENT" for r in rows)
    by_name = {r["file"]: r for r in rows}
    assert "red" in by_name["red.jpg"]["description"]
    assert "blue" in by_name["blue.jpg"]["description"]
    assert by_name["café crème.jpg"]["description"]
    assert by_name["broken.jpg"]["description"] == ""
    assert "“broken.jpg” is damaged or incomplete" in by_name["broken.jpg"]["error"]
    assert server.stats()["requests"]["POST /api/ai/product-description"] == 3
    assert capsys.readouterr().out.strip() == str(table)


def test_history_and_task(
    monkeypatch: pytest.MonkeyPatch,
    demo_factory: Callable[..., DemoServer],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    server = demo_factory(task_seconds=0.2)
    options = use_server(monkeypatch, server)
    assert (
        main(
            [
                *options,
                "--json",
                "generate",
                "scarf",
                "--type",
                "OTHER",
                "--size",
                "64x64",
                "-o",
                str(tmp_path / "scarf.png"),
            ]
        )
        == 0
    )
    record = json.loads(capsys.readouterr().out)[0]
    assert main(["history", "--limit", "5"]) == 0
    listing = capsys.readouterr().out
    assert "Generation" in listing and record["task_id"][:12] in listing
    assert main([*options, "task", record["task_id"]]) == 0
    assert f"{record['task_id']}: COMPLETED" in capsys.readouterr().out
    assert main([*options, "--json", "task", record["task_id"]]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "COMPLETED"


def test_exit_codes(
    monkeypatch: pytest.MonkeyPatch,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["try-on", "a.jpg"])  # missing arguments
    assert info.value.code == 2
    assert (
        main(["--demo", "try-on", "missing.jpg", str(photos["garment.jpg"]), "--type", "DRESS"])
        == 2
    )
    assert "does not exist" in capsys.readouterr().err
    server = demo_factory()
    wrong = use_server(monkeypatch, server, key="not-the-key")
    assert main([*wrong, "describe", str(photos["red.jpg"]), "--type", "BAG"]) == 3
    assert main([*wrong, "task", "abc"]) == 3
    assert "did not accept the API key" in capsys.readouterr().err
    poor = demo_factory(credits=0.1)  # out of credits: what was not sent waits (exit 1)
    assert (
        main([*use_server(monkeypatch, poor), "describe", str(photos["red.jpg"]), "--type", "BAG"])
        == 1
    )
    assert "they wait" in capsys.readouterr().err
    monkeypatch.delenv("AURAX_API_KEY")  # and the test keyring is empty
    assert main(["--base-url", server.url, "task", "abc"]) == 3
    assert "No AuraX credentials" in capsys.readouterr().err


def test_describe_guesses_the_type_from_each_name_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = demo_factory()
    dress, mystery = tmp_path / "red-wrap-dress.jpg", tmp_path / "IMG_0042.jpg"
    dress.write_bytes(jpeg_bytes((120, 120), (210, 30, 30)))
    mystery.write_bytes(jpeg_bytes((120, 120), (30, 30, 210)))
    code = main([*use_server(monkeypatch, server), "--json", "describe", str(dress), str(mystery)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "red-wrap-dress.jpg: guessed DRESS from its name" in captured.err
    assert "IMG_0042.jpg: no product type in its name; using GARMENT" in captured.err
    records = {r["source"]: r for r in json.loads(captured.out)}
    assert records["red-wrap-dress.jpg"]["product_type"] == "DRESS"
    assert records["IMG_0042.jpg"]["product_type"] == "GARMENT"
