"""The history: a real SQLite file in WAL mode with a versioned schema."""

from __future__ import annotations

import sqlite3
import time
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aurax_desktop import paths
from aurax_desktop.jobs import (
    HistoryError,
    Job,
    JobBook,
    JobKind,
    JobQuery,
    JobStatus,
    JobStore,
)
from aurax_desktop.jobs.schema import MIGRATIONS as _MIGRATIONS
from aurax_desktop.jobs.schema import SCHEMA_VERSION


def job(number: int, **changes: object) -> Job:
    values: dict[str, object] = {
        "id": f"job{number:04d}",
        "kind": JobKind.TRY_ON,
        "status": JobStatus.COMPLETED,
        "product_type": "DRESS",
        "created_at": 1_700_000_000 + number,
    }
    values.update(changes)
    return Job(**values)  # type: ignore[arg-type]


def test_file_lives_in_the_data_folder_in_wal_mode() -> None:
    store = JobStore()
    assert store.path == paths.data_dir() / "history.sqlite3"
    assert store.path.is_file()
    assert store.journal_mode == "wal"
    assert store.schema_version == SCHEMA_VERSION
    store.close()


def test_round_trip_of_every_field() -> None:
    store = JobStore()
    original = job(
        1,
        prompt="silk",
        task_id="t-1",
        cost=3.0,
        error=None,
        params={"person": "person.jpg", "garment_strength": 2},
        timeline={"queued": 1.5},
        messages=("a", "b"),
        results=("result.png",),
        raw={"status": "COMPLETED", "output": {"imageId": "i"}},
        source_name="p.jpg",
        batch=None,
        description=None,
    )
    [stored] = store.insert([original])
    assert stored == replace(original, revision=1) == store.get(original.id)
    assert store.find_task("t-1") == stored
    updated = original.changed(status=JobStatus.FAILED, error="boom")
    store.save_work(updated)
    assert store.get(original.id).status is JobStatus.FAILED  # type: ignore[union-attr]
    assert store.count() == 1
    store.close()


def test_newest_first_paging_filters_and_search() -> None:
    store = JobStore()
    for n in range(25):
        store.insert(
            [
                job(
                    n,
                    kind=JobKind.IMAGE_GENERATION if n % 2 else JobKind.TRY_ON,
                    status=JobStatus.FAILED if n % 5 == 0 else JobStatus.COMPLETED,
                    product_type="BAG" if n < 10 else "DRESS",
                    prompt=f"prompt number {n}" + (" 100% silk_scarf" if n == 7 else ""),
                    description="a linen shirt" if n == 3 else None,
                )
            ]
        )
    first = store.query(JobQuery(limit=10))
    second = store.query(JobQuery(limit=10, offset=10))
    assert [j.id for j in first] == [f"job{n:04d}" for n in range(24, 14, -1)]
    assert [j.id for j in second] == [f"job{n:04d}" for n in range(14, 4, -1)]
    generations = store.query(JobQuery(kinds=frozenset({JobKind.IMAGE_GENERATION}), limit=100))
    assert len(generations) == 12
    failed_bags = store.query(
        JobQuery(statuses=frozenset({JobStatus.FAILED}), product_types=frozenset({"BAG"}))
    )
    assert [j.id for j in failed_bags] == ["job0005", "job0000"]
    assert [j.id for j in store.query(JobQuery(text="linen"))] == ["job0003"]
    assert [j.id for j in store.query(JobQuery(text="100% silk_"))] == ["job0007"]
    assert [j.id for j in store.query(JobQuery(text="%"))] == [
        "job0007"
    ]  # literally, not a wildcard
    assert store.count(JobQuery(product_types=frozenset({"DRESS"}))) == 15
    store.close()


def test_search_is_case_blind_in_any_script_and_finds_task_ids() -> None:
    store = JobStore()
    store.insert([job(1, prompt="Robe d'ÉTÉ en lin")])
    store.insert([job(2, source_name="Straße.jpg")])
    store.insert([job(3, task_id="9f2c-77ab")])
    assert [j.id for j in store.query(JobQuery(text="été"))] == ["job0001"]
    assert [j.id for j in store.query(JobQuery(text="STRASSE"))] == ["job0002"]
    assert [j.id for j in store.query(JobQuery(text=" 77AB "))] == ["job0003"]
    store.close()


_words = st.sampled_from(["silk", "Silk", "ÉTÉ", "été", "linen", "%", "_", "straße", ""])
_jobs = st.lists(
    st.builds(
        lambda n, kind, status, product, prompt, name: job(
            n, kind=kind, status=status, product_type=product, prompt=prompt, source_name=name
        ),
        st.integers(0, 9999),
        st.sampled_from(list(JobKind)),
        st.sampled_from([JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.QUEUED]),
        st.sampled_from(["DRESS", "BAG"]),
        st.one_of(st.none(), st.lists(_words, max_size=3).map(" ".join)),
        st.one_of(st.none(), _words.map(lambda w: f"{w}.jpg")),
    ),
    max_size=12,
    unique_by=lambda j: j.id,
)
_queries = st.builds(
    JobQuery,
    kinds=st.frozensets(st.sampled_from(list(JobKind)), max_size=2),
    statuses=st.frozensets(st.sampled_from([JobStatus.FAILED, JobStatus.QUEUED]), max_size=2),
    product_types=st.frozensets(st.sampled_from(["DRESS", "BAG"]), max_size=1),
    text=_words,
    limit=st.just(1000),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(jobs=_jobs, query=_queries)
def test_the_window_s_live_filter_agrees_with_the_history_query(
    jobs: list[Job], query: JobQuery
) -> None:
    """The window filters live updates with ``matches``; it must find what SQL finds."""
    store = JobStore(paths.data_dir() / f"history-{uuid.uuid4().hex}.sqlite3")
    try:
        store.insert(jobs)
        found = [j.id for j in store.query(query)]
        expected = [j.id for j in sorted(jobs, key=lambda j: -j.created_at) if query.matches(j)]
        assert found == expected
    finally:
        store.close()
        for leftover in store.path.parent.glob(f"{store.path.name}*"):
            leftover.unlink()


def test_delete_removes_the_row_and_the_folder() -> None:
    store = JobStore()
    record = job(1)
    record.folder.mkdir(parents=True)
    (record.folder / "result.png").write_bytes(b"x")
    store.insert([record])
    store.delete(record.id)
    assert store.get(record.id) is None and not record.folder.exists()
    store.close()


def test_a_newer_schema_is_refused_plainly(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(HistoryError, match="newer version of AuraX Desktop"):
        JobStore(path)


def test_a_damaged_file_is_refused_plainly(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(HistoryError, match="is damaged") as info:
        JobStore(path)
    assert info.value.corrupt


def test_migration_from_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    sqlite3.connect(path).close()
    store = JobStore(path)
    assert store.schema_version == SCHEMA_VERSION
    store.insert([job(1)])
    store.close()
    assert JobStore(path).get("job0001") is not None


def test_two_connections_see_each_others_commits(tmp_path: Path) -> None:
    writer, reader = JobStore(tmp_path / "h.sqlite3"), JobStore(tmp_path / "h.sqlite3")
    writer.insert([job(9, task_id="abc")])
    assert reader.find_task("abc") is not None
    writer.close()
    reader.close()


def test_the_spend_is_a_ledger_that_deleting_never_lowers(tmp_path: Path) -> None:
    """'Spent today' went from 24.75 to 21.75 credits when a 3-credit job was deleted."""
    book = JobBook(JobStore(tmp_path / "h.sqlite3"))
    now = time.time()
    made = book.create([replace(job(n), created_at=now, cost=0.0) for n in range(3)])
    for found in made:  # each charged when it was sent
        book.save(replace(found, cost=3.0, status=JobStatus.QUEUED))
        book.save(replace(book.get(found.id) or found, status=JobStatus.COMPLETED, cost=3.0))
    assert book.store.spent_since(now - 1) == 9.0  # charged once each, not per save
    book.trash([made[0].id])
    assert book.store.spent_since(now - 1) == 9.0
    book.forget([made[1].id])
    assert book.store.spent_since(now - 1) == 9.0
    assert set(book.forget(book.finished_before())) == {made[0].id, made[2].id}
    assert book.store.spent_since(now - 1) == 9.0
    book.store.close()


def test_an_older_history_fills_the_ledger_from_its_jobs(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite3"
    db = sqlite3.connect(path)
    for version in (1, 2, 3):
        for statement in _MIGRATIONS[version]:
            db.execute(statement)
    db.execute("PRAGMA user_version = 3")
    db.execute(
        "INSERT INTO jobs (id, kind, status, product_type, created_at, updated_at, cost) "
        "VALUES ('a', 'try-on', 'completed', 'DRESS', ?, ?, 3.0), "
        "('b', 'product-description', 'completed', 'DRESS', ?, ?, 0.25)",
        (time.time(), time.time(), time.time(), time.time()),
    )
    db.commit()
    db.close()
    store = JobStore(path)
    assert store.schema_version == SCHEMA_VERSION
    assert store.spent_since(0) == 3.25
    store.delete("a")
    assert store.spent_since(0) == 3.25
    store.close()


def test_a_version_4_history_gets_the_user_s_fields_out_of_the_parameters(
    tmp_path: Path,
) -> None:
    """Batch names and chosen variants were kept among the request's parameters (which
    the work writes); they move to columns of the user's own."""
    path = tmp_path / "v4.sqlite3"
    db = sqlite3.connect(path)
    for version in (1, 2, 3, 4):
        for statement in _MIGRATIONS[version]:
            db.execute(statement)
    db.execute("PRAGMA user_version = 4")
    rows = [
        ("named", '{"batch_name": "SS27 resort", "chosen_at": 1700000000.5, "batch_row": 1}'),
        ("blank", '{"batch_name": "  "}'),
        ("broken", "not json"),
        ("odd", '{"batch_name": 7, "chosen_at": "soon"}'),
    ]
    for job_id, params in rows:
        db.execute(
            "INSERT INTO jobs (id, kind, status, product_type, created_at, updated_at, params) "
            "VALUES (?, 'try-on', 'completed', 'DRESS', 1, 1, ?)",
            (job_id, params),
        )
    db.commit()
    db.close()
    store = JobStore(path)
    named = store.get("named")
    assert named is not None and named.batch_name == "SS27 resort"
    assert named.chosen_at == 1700000000.5 and named.params["batch_row"] == 1
    for job_id in ("blank", "broken", "odd"):
        found = store.get(job_id)
        assert found is not None and found.batch_name is None and found.chosen_at is None
    store.close()


def test_a_jobs_place_in_its_batch_is_read_as_sent_and_never_as_garbage() -> None:
    """Where a try-on stands in its batch's grid, from what was sent; a history edited by
    hand (a text, a negative number) puts it in the first row and a column of its own."""
    from aurax_desktop.jobs.params import Sent, batch_cell, encode  # noqa: PLC0415

    assert batch_cell(encode(sent=Sent(batch_row=3, batch_column=7))) == (3, 7)
    assert batch_cell(encode(sent=Sent(batch_row=2))) == (2, None)
    assert batch_cell({}) == (0, None)
    assert batch_cell({"batch_row": "3", "batch_column": -1}) == (0, None)
    assert batch_cell({"batch_row": 1.5, "batch_column": None}) == (0, None)
