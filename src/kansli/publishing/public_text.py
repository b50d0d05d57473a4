"""Text written inside Kansli (memos, minutes, document descriptions) on its way to the
public: personal data of private persons masked by the same detection as documents, and
what the body publishes about itself (masking.published_facts) left as written."""

from typing import Any

from .masking import published_facts
from .redaction import AllowList, redact

# Keys whose values are not prose: never rewritten.
_LEAVE = frozenset({"hash", "status", "number", "label", "case_number", "date", "public"})


def masked(text: str, *, allow: AllowList | None = None) -> str:
    """`text` masked. Pass `allow` (published_facts(), read once) when masking many texts."""
    if not text:
        return text
    return redact(text, allow=published_facts() if allow is None else allow).text


def masked_data(value: Any, *, allow: AllowList | None = None) -> Any:
    """Every string in a nested structure of dicts and lists, masked."""
    allow = published_facts() if allow is None else allow
    if isinstance(value, str):
        return masked(value, allow=allow)
    if isinstance(value, list):
        return [masked_data(v, allow=allow) for v in value]
    if isinstance(value, dict):
        return {k: v if k in _LEAVE else masked_data(v, allow=allow) for k, v in value.items()}
    return value
