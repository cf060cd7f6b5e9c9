"""Everything that can go wrong talking to AuraX, as one hierarchy.

Each error carries ``user_message``: one plain sentence saying what happened
and what to do, fit for the window, in the language spoken when the error was made.
``str(error)`` adds technical detail for the log. No error ever holds the API key:
the client never puts headers into an exception.
"""

from __future__ import annotations

from collections.abc import Sequence

from aurax_desktop.translation import LazyText, _, lazy_gettext


class DefaultMessage:
    """A class's ``default_message``: read, the text in the language spoken at that
    moment (a ``str``, so it compares with a ``user_message``)."""

    __slots__ = ("text",)

    def __init__(self, text: LazyText) -> None:
        self.text = text

    def __get__(self, instance: object, owner: type | None = None) -> str:
        return str(self.text)


class AuraxError(Exception):
    """Base of every error the AuraX client raises."""

    default_message = DefaultMessage(lazy_gettext("Something went wrong while talking to AuraX."))

    def __init__(
        self,
        user_message: str | None = None,
        *,
        status_code: int | None = None,
        server_message: str | None = None,
        detail: str | None = None,
    ) -> None:
        self.user_message = user_message or self.default_message
        self.status_code = status_code
        self.server_message = server_message
        self.detail = detail
        super().__init__(self._describe())

    def _describe(self) -> str:
        parts = [self.user_message]
        if self.status_code is not None:
            parts.append(f"(HTTP {self.status_code})")
        if self.detail:
            parts.append(f"[{self.detail}]")
        return " ".join(parts)


class InvalidRequestError(AuraxError, ValueError):
    """A request breaks the service's rules; nothing was sent."""

    default_message = DefaultMessage(lazy_gettext("The request is not valid."))


class InsecureConnectionError(AuraxError, ValueError):
    """A server address that would send the key in the clear."""

    default_message = DefaultMessage(
        lazy_gettext(
            "This server address is not secure. Use an https:// address "
            "(plain http:// is allowed only for this computer)."
        )
    )


class AuthenticationError(AuraxError):
    default_message = DefaultMessage(
        lazy_gettext(
            "AuraX did not accept the API key. Check the key and key id in Account settings."
        )
    )


class AccountError(AuraxError):
    default_message = DefaultMessage(
        lazy_gettext(
            "Your AuraX account cannot do this right now: it may be out of credits or "
            "lack permission. Check your account."
        )
    )


class NotFoundError(AuraxError):
    default_message = DefaultMessage(
        lazy_gettext("AuraX does not know this task or image. It may have expired.")
    )


class BadRequestError(AuraxError):
    default_message = DefaultMessage(lazy_gettext("AuraX refused the request as invalid."))


class RateLimitedError(AuraxError):
    default_message = DefaultMessage(
        lazy_gettext("AuraX is receiving too many requests. Wait a moment and try again.")
    )

    def __init__(
        self,
        user_message: str | None = None,
        *,
        retry_after: float | None = None,
        status_code: int | None = 429,
        server_message: str | None = None,
        detail: str | None = None,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(
            user_message, status_code=status_code, server_message=server_message, detail=detail
        )


class PayloadTooLargeError(AuraxError):
    default_message = DefaultMessage(
        lazy_gettext(
            "The images are too large for AuraX. Choose a smaller upload size in Settings."
        )
    )


class ServerError(AuraxError):
    default_message = DefaultMessage(
        lazy_gettext("AuraX had a problem on its side. Try again in a few minutes.")
    )


class NetworkError(AuraxError):
    default_message = DefaultMessage(
        lazy_gettext("Could not reach AuraX. Check your internet connection and try again.")
    )


class UnexpectedResponseError(AuraxError):
    default_message = DefaultMessage(
        lazy_gettext("AuraX answered in a way this program does not understand.")
    )


class UnsafeAnswerError(UnexpectedResponseError):
    """The server named something (an id, an address) that would send a request, or
    our key, somewhere other than the configured server."""

    default_message = DefaultMessage(
        lazy_gettext("AuraX answered with an address this program will not use.")
    )


class MaybeSentError(AuraxError):
    """A submission that may have reached the server and been charged, but whose
    answer never came or is not the contract's: it must not be sent again by itself."""

    default_message = DefaultMessage(
        lazy_gettext(
            "No usable answer came back, so this request may have reached AuraX and been "
            "charged. Look for its result before sending it again."
        )
    )

    def __init__(
        self,
        user_message: str | None = None,
        *,
        status_code: int | None = None,
        server_message: str | None = None,
        detail: str | None = None,
        task_id: str | None = None,
    ) -> None:
        self.task_id = task_id
        super().__init__(
            user_message, status_code=status_code, server_message=server_message, detail=detail
        )


class DownloadError(AuraxError):
    """A finished task's result could not be fetched (it stays at the server)."""

    default_message = DefaultMessage(lazy_gettext("The result could not be downloaded."))


class TaskFailedError(AuraxError):
    """The service finished the task without a result."""

    default_message = DefaultMessage(lazy_gettext("AuraX could not complete the task."))

    def __init__(
        self, messages: Sequence[str] = (), *, task_id: str = "", cancelled: bool = False
    ) -> None:
        self.messages = tuple(messages)
        self.task_id = task_id
        self.cancelled = cancelled
        if cancelled:
            text = _("AuraX cancelled the task.")
        elif self.messages:
            # Translators: {reasons} are the service's own words (in English), joined by "; ".
            text = _("AuraX could not complete the task: {reasons}").format(
                reasons="; ".join(self.messages)
            )
        else:
            text = self.default_message
        super().__init__(text)


class TaskDeadlineError(AuraxError):
    default_message = DefaultMessage(
        lazy_gettext(
            "The task took longer than the time limit. It may still finish on the server; "
            "its result can be fetched later."
        )
    )


class FollowStoppedError(AuraxError):
    default_message = DefaultMessage(
        lazy_gettext(
            "Stopped following the task. The server may still finish it and charge for it."
        )
    )
