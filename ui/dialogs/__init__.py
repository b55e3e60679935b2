"""Dialogs: new request, settings, import, lifecycle reasons, unexpected errors."""
