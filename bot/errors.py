"""The root of estatedesk's errors. Foreign errors are translated into these at each boundary."""

from __future__ import annotations


class EstatedeskError(Exception):
    """Base of every error estatedesk raises on purpose."""


class ConfigError(EstatedeskError):
    """Settings or the estate configuration are invalid; the message says which key and why."""


class BackendUnavailable(EstatedeskError):
    """A database, Redis or remote helpdesk could not be reached; the caller should retry later."""


class ImportRejected(EstatedeskError):
    """An import file cannot be read at all (unknown format, missing columns)."""


class DialogError(EstatedeskError):
    """A dialog received something it cannot use; the message is safe to show the resident."""


class Conflict(EstatedeskError):
    """Someone else changed the thing first (two staff pressing Claim at once); re-read and decide again."""
