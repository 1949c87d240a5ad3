"""Coded, user-facing errors. Each says what was wrong with which input and what to do.

The library raises (or reports) these; the CLI turns them into one line and an exit code.
"""

from __future__ import annotations

import os
import re

#: ``scheme://user:password@host``: the password part of a URI.
_URI_PASSWORD = re.compile(r"(\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@]*):[^@\s]*@")
#: Environment variables whose values never appear in a message.
SECRET_VARIABLES = ("NEO4J_PASSWORD",)


def redact(text: str) -> str:
    """``text`` without secrets: passwords inside URIs and the values of :data:`SECRET_VARIABLES`."""
    text = _URI_PASSWORD.sub(r"\1:***@", text)
    for name in SECRET_VARIABLES:
        secret = os.environ.get(name)
        if secret:
            text = text.replace(secret, "***")
    return text


class KgError(Exception):
    """Base of every error a user can act on. ``code`` is stable and searchable.

    Messages are redacted when the error is made, so no secret can reach a terminal or a log.
    """

    code = "K000"
    exit_code = 1

    def __init__(self, message: str) -> None:
        message = redact(message)
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(KgError):
    """An input file or line could not be read as a document."""

    code = "K100"
    exit_code = 2


class UnreadableInput(InputError):
    code = "K101"


class BinaryInput(InputError):
    code = "K102"


class EmptyInput(InputError):
    code = "K103"


class EncodingInput(InputError):
    code = "K104"


class MalformedJsonl(InputError):
    code = "K105"


class MissingInput(InputError):
    code = "K106"


class UnsupportedInput(InputError):
    code = "K107"


class DuplicateDocument(InputError):
    code = "K108"


class TooLong(InputError):
    """A document longer than ``--max-chars``."""

    code = "K109"


class ModelError(KgError):
    """The spaCy pipeline could not be loaded."""

    code = "K200"
    exit_code = 3


class MissingLibrary(ModelError):
    """A file that an installed dependency should ship is missing (kg view's JavaScript library)."""

    code = "K201"


class StoreError(KgError):
    """The graph store could not be opened, written or queried."""

    code = "K300"
    exit_code = 4


class QueryError(StoreError):
    code = "K301"


class ConnectionLost(StoreError):
    """The store went away during a command, after the driver's own retries."""

    code = "K302"


class ConfigError(KgError):
    """An option or setting is wrong."""

    code = "K400"
    exit_code = 2


class EvaluationError(KgError):
    code = "K500"
    exit_code = 2


class ReviewError(KgError):
    """``kg merge`` could not tell which stored entities to merge."""

    code = "K700"
    exit_code = 2


class UnknownEntity(ReviewError):
    code = "K701"


class AmbiguousEntity(ReviewError):
    code = "K702"
