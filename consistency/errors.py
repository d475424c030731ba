"""One exception tree for everything a user can cause.

Every error carries a searchable code (``CNS1xx``) and a message that says how to
fix the problem. The CLI maps any `ConsistencyError` to exit code 2 with a
one-line message and no traceback; the library never prints or exits.
"""

from __future__ import annotations


class ConsistencyError(Exception):
    """Base class of every error `consistency` raises on purpose."""

    code = "CNS100"
    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        text = self.message
        if self.hint:
            text = f"{text}; {self.hint}"
        return text

    def one_line(self) -> str:
        """The message on one line: every line break folded (a path may hold "\\r" or "\\u2028")."""
        return " ".join(f"error[{self.code}]: {self}".splitlines())


class UsageError(ConsistencyError):
    """A bad option or argument combination."""

    code = "CNS101"


class ConfigError(ConsistencyError):
    """A bad setting in pyproject.toml, the environment or a config file."""

    code = "CNS102"


class InputError(ConsistencyError):
    """A missing, unreadable or unusable input path."""

    code = "CNS110"


class EmptyInputError(InputError):
    """The inputs held no claim to check."""

    code = "CNS111"


class ModelError(ConsistencyError):
    """The embedding (or NLI) model could not be loaded."""

    code = "CNS120"


class StoreError(ConsistencyError):
    """The store cannot be opened, read or written."""

    code = "CNS130"


class StoreLockedError(StoreError):
    """Another run holds the store."""

    code = "CNS131"


class BaselineError(ConsistencyError):
    """A baseline file is missing or malformed."""

    code = "CNS140"


class NotFoundError(ConsistencyError):
    """A named thing (rule code, conflict id) does not exist."""

    code = "CNS150"
