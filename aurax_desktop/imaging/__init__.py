"""The image pipeline (no Qt): every photo a user has becomes the right upload.

>>> image = load_image("person.heic")              # refuses what cannot be used
>>> upload = prepare_upload(image, max_side=2048)  # upright sRGB JPEG, never upscaled
>>> mask = prepare_mask(painted, upload)           # binary PNG of exactly upload.size
"""

from aurax_desktop.imaging.errors import ImageError
from aurax_desktop.imaging.export import save_as
from aurax_desktop.imaging.files import PICTURE_SUFFIXES, picture_files, sort_out
from aurax_desktop.imaging.jpeg import encode_jpeg, use_jpeg_encoder
from aurax_desktop.imaging.source import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PIXELS,
    SourceImage,
    load_image,
    read_header,
)
from aurax_desktop.imaging.thumbnails import (
    RESULT_PREVIEW_SIDE,
    preview_bytes,
    previews,
    save_thumbnail,
    thumbnail,
)
from aurax_desktop.imaging.upload import (
    PreparedImage,
    photo_warnings,
    prepare_mask,
    prepare_upload,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_PIXELS",
    "PICTURE_SUFFIXES",
    "RESULT_PREVIEW_SIDE",
    "ImageError",
    "PreparedImage",
    "SourceImage",
    "encode_jpeg",
    "load_image",
    "photo_warnings",
    "picture_files",
    "prepare_mask",
    "prepare_upload",
    "preview_bytes",
    "previews",
    "read_header",
    "save_as",
    "save_thumbnail",
    "sort_out",
    "thumbnail",
    "use_jpeg_encoder",
]
