"""A mail backend for tests whose server refuses mail to addresses at fel.example (as an
SMTP server that is down would for everyone); other mail lands in Django's locmem outbox."""

from django.core.mail.backends.locmem import EmailBackend


class Backend(EmailBackend):
    def send_messages(self, messages):  # type: ignore[no-untyped-def]
        for message in messages:
            if any(address.endswith("@fel.example") for address in message.recipients()):
                raise ConnectionRefusedError("Anslutningen till e-postservern nekades.")
        return super().send_messages(messages)
