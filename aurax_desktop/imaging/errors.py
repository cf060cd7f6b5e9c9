"""The one error the image pipeline raises."""

from __future__ import annotations


class ImageError(ValueError):
    """A picture that cannot be used, with a message that names the file and says
    in plain words what is wrong and what to do."""

    def __init__(self, message: str, *, name: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.name = name
        self.reason = reason
        self.user_message = message
