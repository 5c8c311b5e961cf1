"""Errors of the language-understanding package, under :mod:`bot.errors`' hierarchy."""

from __future__ import annotations

from bot.errors import BackendUnavailable, EstatedeskError


class NluUnavailable(BackendUnavailable):
    """A remote understander (a Rasa server) could not be reached or answered nonsense."""


class NluDataError(EstatedeskError):
    """A labelled data file cannot be used; the message names the file, the line and why."""
