"""What one feature hands another: a result as the next person or garment photo, a
picture to describe, a sample photo from the demo banner, a batch to see in the Gallery.
The page that receives comes to the front."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from aurax_desktop.jobs import Job
from aurax_desktop.translation import _
from aurax_desktop.ui.common.handing_on import HandedOn
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

    def as_person(handed: HandedOn) -> None:
        try_on.person_pane.use_result(handed.path, handed.name, handed.job_id, handed.made_from)
        frame.show_page("try-on")

    def as_garment(handed: HandedOn) -> None:
        try_on.garment_pane.use_result(
            handed.path,
            handed.name,
            handed.job_id,
            handed.made_from,
            product_type=handed.product_type,
        )
        frame.show_page("try-on")

    def generated_as_garment(job: Job) -> None:
        """A generated product image goes into the Garment pane, with its type."""
        if not job.result_paths:
            return
        # Translators: the name of a generated image without a prompt, as a garment photo.
        words = job.prompt or _("generated product")
        name = f"{words[:40].strip()}{job.result_paths[0].suffix}"
        as_garment(HandedOn(job.result_paths[0], name, job.id, None, job.product_type))
        say(_("The generated image is now a garment photo: choose a person."), 8000)

    def sample_garment(path: object, product_type: str) -> None:
        try_on.garment_pane.load_path(Path(str(path)))
        try_on.set_choices(product_type, try_on.strength.value())

    view.useAsGarment.connect(generated_as_garment)
    view.describeJob.connect(
        lambda job: to_describe([job.result_paths[0]]) if job.result_paths else None
    )
    view.groups.openBatch.connect(gallery.open_batch)
    gallery.describePicture.connect(lambda path, _kind: to_describe([path]))
    gallery.usePerson.connect(as_person)
    gallery.useGarment.connect(as_garment)
    gallery.wantsFront.connect(lambda: frame.show_page("gallery"))
    try_on.garment_pane.strip.describeAsked.connect(
        lambda photo: to_describe([photo.path]) if photo.path else None
    )
    banner.personChosen.connect(lambda path: try_on.person_pane.load_path(Path(str(path))))
    banner.garmentChosen.connect(sample_garment)
