"""Whether a text is an e-mail address, as Django's EmailField would accept it."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email


def is_email_address(text: str) -> bool:
    if len(text) > 254:
        return False
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True
