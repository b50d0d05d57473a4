"""Rules of publication (pure functions)."""

from kansli.core.law import cites

from .models import FindingKind


@cites(
    "lag (2018:218) 3 kap. 10 §",
    says="Ett personnummer publiceras aldrig; kontaktuppgifter får släppas fram efter granskning.",
)
def may_be_released(kind: str) -> bool:
    """Whether a reviewer may let a finding of this kind be published as written.

    Publishing on the web is processing of personal data (GDPR art. 6, 9 and 87). A personal
    identity number may be processed without consent only when clearly justified (lag
    (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning, 3 kap. 10 §);
    publishing one on the web never is, so a personnummer is always masked. Contact details
    may be released: they may belong to a person in a public role (an official's work
    number, an organization's mailbox)."""
    return kind != FindingKind.PERSONAL_NUMBER
