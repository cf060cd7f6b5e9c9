"""Names under a strip's thumbnails: told apart, short, in the same order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aurax_desktop.jobs.garments import display_name
from aurax_desktop.jobs.short_names import distinct_labels, readable_names


def test_a_season_s_shared_start_and_extension_go() -> None:
    names = [
        "SS27-resort-look-021-model-anna-maria.jpg",
        "SS27-resort-look-022-model-ben.jpg",
        "SS27-resort-look-023-model-chloe.jpg",
    ]
    assert distinct_labels(names) == [
        "021-model-anna-maria",
        "022-model-ben",
        "023-model-chloe",
    ]


def test_no_word_is_split_and_a_name_keeps_enough_of_itself() -> None:
    assert distinct_labels(["linen-dress.png", "linen-top.png"]) == ["dress", "top"]
    assert distinct_labels(["lookbook1.jpg", "lookbook2.jpg"]) == ["lookbook1", "lookbook2"]
    assert distinct_labels(["SS27-a.jpg", "SS27-b.jpg"]) == ["SS27-a", "SS27-b"]


def test_names_told_apart_only_by_their_extension_keep_it() -> None:
    assert distinct_labels(["anna.jpg", "anna.png"]) == ["anna.jpg", "anna.png"]


def test_one_name_loses_only_its_extension() -> None:
    assert distinct_labels(["SS27-resort-anna.jpg"]) == ["SS27-resort-anna"]


def test_a_name_written_with_spaces_keeps_its_own_hyphens() -> None:
    """A file named by a person, with spaces, keeps its hyphens (a double name, a SKU);
    a name made of hyphens and underscores alone reads with spaces."""
    assert display_name("Anna-Maria Kowalska-Wiśniewska.jpg") == "Anna-Maria Kowalska-Wiśniewska"
    assert display_name("Linen blazer, SKU LB-2291-SND.jpg") == "Linen blazer, SKU LB-2291-SND"
    assert display_name("SS27_linen-dress.jpg") == "SS27 linen dress"
    people = [
        "Studio shoot Anna-Maria.jpg",
        "Studio shoot Ben O'Neil-Smith.jpg",
    ]
    assert list(readable_names(people).values()) == ["Anna-Maria", "Ben O'Neil-Smith"]
    slugs = ["SS27-resort-look-anna-maria.jpg", "SS27-resort-look-ben.jpg"]
    assert list(readable_names(slugs).values()) == ["anna maria", "ben"]


names = st.lists(
    st.text(alphabet="ab-_. 1é", min_size=1, max_size=12).map(lambda s: s + ".jpg"),
    min_size=1,
    max_size=6,
    unique=True,
)


@given(names)
def test_different_names_stay_different_and_in_order(given_names: list[str]) -> None:
    labels = distinct_labels(given_names)
    assert len(labels) == len(given_names)
    assert len(set(labels)) == len(labels)
    assert all(label for label in labels)
