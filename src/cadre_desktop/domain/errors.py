"""The few errors a clerk is meant to see. Anything else is a bug and is reported as one."""

from __future__ import annotations


class UserError(Exception):
    """A refusal the user can act on; its message is shown as it is (Vietnamese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(UserError):
    """A value typed or imported that cannot be accepted (a wrong date, a bad ID number)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class DatabaseError(UserError):
    """The database file cannot be used: newer than this program, locked, damaged."""


class NotFound(UserError):
    """A record named by the user does not exist (or has been deleted)."""


class ReadOnlyRecord(UserError):
    """A record this office holds but does not own: an office below it sent it up (only
    that office edits it, and its next bundle would overwrite a change made here), or the
    office above issued it (a programme, a list). It is shown, never changed here."""

    def __init__(self, message: str, table: str, record_id: str, owner_id: str) -> None:
        super().__init__(message)
        self.table = table
        self.record_id = record_id
        self.owner_id = owner_id
