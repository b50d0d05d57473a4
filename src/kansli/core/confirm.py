"""A service's question before an unusual but lawful write.

A service raises NeedsConfirmation (a ValidationError, so every caller that refuses on
ValidationError still writes nothing) with the questions in Swedish; called again with
`confirmed=True` it proceeds. The form shows the questions and a checkbox to go on."""

from django.core.exceptions import ValidationError


class NeedsConfirmation(ValidationError):
    """The write waits for the user's answer to `messages`."""
