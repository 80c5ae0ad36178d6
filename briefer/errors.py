"""One error family for everything a user can cause and act on.

The CLI prints a :class:`BrieferError` as one line on stderr and exits 1; the window shows
it in a message box. Anything that is *not* a BrieferError is a bug and is reported as one.
"""


class BrieferError(Exception):
    """A problem the user can understand and fix; the message says what to do."""


class ValidationError(BrieferError):
    """Input that the domain rules refuse (unknown marking, empty title, …)."""


class NotFoundError(BrieferError):
    """A reference (id or title) that matches nothing."""


class AmbiguousError(BrieferError):
    """A title that matches more than one record; ``matches`` lists (id, title) pairs."""

    def __init__(self, message: str, matches: list[tuple[str, str]]):
        super().__init__(message)
        self.matches = matches


class ConflictError(BrieferError):
    """Someone else changed the record since it was read; nothing was written."""


class EditConflict(ConflictError):
    """A stale write a person can resolve: the fields someone else saved, beside one's own.

    ``fields`` maps a field to (label, stored value, the value that was to be written).
    """

    def __init__(self, message: str, record: str, fields: dict[str, tuple[str, str, str]]):
        super().__init__(message)
        self.record = record
        self.fields = fields


class StoreError(BrieferError):
    """The store cannot be opened, migrated, backed up or restored."""


class ExportError(BrieferError):
    """An export could not be written; nothing was left behind and no file was replaced."""
