"""What one feature hands another: a result as the next person or garment photo, a
picture to describe, a sample photo from the demo banner, a batch to see in the Gallery.
The page that receives comes to the front."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from aurax_desktop.translation import _
from aurax_desktop.ui.common.handing_on import HandedOn, as_garment, as_person
from aurax_desktop.ui.shell.demo_banner import DemoBanner
from aurax_desktop.ui.shell.features import Features
from aurax_desktop.ui.shell.frame import WindowFrame

Say = Callable[[str, int], None]


def connect_handing_on(
    features: Features, frame: WindowFrame, banner: DemoBanner, say: Say
) -> None:
    try_on, describe, gallery = features.try_on, features.describe, features.gallery
    view = features.jobs.job_list

    def to_describe(paths: list[Path]) -> None:
        describe.add_paths(paths)
        frame.show_page("describe")

    def to_person(handed: HandedOn | None) -> None:
        """A result goes into the Person pane: the next garment is tried on it."""
        if handed is None:
            return
        try_on.person_pane.use_result(handed.path, handed.name, handed.job_id, handed.made_from)
        frame.show_page("try-on")
        say(_("The result is now a person photo: choose the next garment."), 8000)

    def to_garment(handed: HandedOn | None) -> None:
        """A result goes into the Garment pane with its type: a whole look, or a
        generated product image, tried on someone."""
        if handed is None:
            return
        try_on.garment_pane.use_result(
            handed.path,
            handed.name,
            handed.job_id,
            handed.made_from,
            product_type=handed.product_type,
        )
        frame.show_page("try-on")
        say(_("The result is now a garment photo: choose a person."), 8000)

    def sample_garment(path: object, product_type: str) -> None:
        try_on.garment_pane.load_path(Path(str(path)))
        try_on.set_choices(product_type, try_on.strength.value())

    view.useAsPerson.connect(lambda job: to_person(as_person(job)))
    view.useAsGarment.connect(lambda job: to_garment(as_garment(job)))
    view.describeJob.connect(
        lambda job: to_describe([job.result_paths[0]]) if job.result_paths else None
    )
    view.groups.openBatch.connect(gallery.open_batch)
    gallery.describePicture.connect(lambda path, _kind: to_describe([path]))
    gallery.usePerson.connect(to_person)
    gallery.useGarment.connect(to_garment)
    gallery.wantsFront.connect(lambda: frame.show_page("gallery"))
    try_on.garment_pane.strip.describeAsked.connect(
        lambda photo: to_describe([photo.path]) if photo.path else None
    )
    banner.personChosen.connect(lambda path: try_on.person_pane.load_path(Path(str(path))))
    banner.garmentChosen.connect(sample_garment)
