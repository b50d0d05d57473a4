from django.db import models

from kansli.people.models import Person

from .paragraph import Paragraph


class Choice(models.TextChoices):
    YES = "ja", "Ja"
    NO = "nej", "Nej"
    ABSTAIN = "avstar", "Avstår"


class Vote(models.Model):
    """An open vote (omröstning) or an election, with each serving member's ballot.

    `casting` is the chair's casting vote on a tie; `lot` the drawn result of a tied
    election.
    """

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="votes")
    position = models.PositiveSmallIntegerField("ordning")
    yes_label = models.CharField("ja innebär", max_length=300)
    no_label = models.CharField("nej innebär", max_length=300)
    election = models.BooleanField("val", default=False)
    casting = models.CharField("ordförandens utslagsröst", max_length=10, blank=True)
    lot = models.CharField("lottning", max_length=10, blank=True)

    class Meta:
        ordering = ["paragraph", "position"]
        verbose_name = "omröstning"
        verbose_name_plural = "omröstningar"

    def __str__(self) -> str:
        return f"Omröstning {self.position}"


class Ballot(models.Model):
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="ballots")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField("röst", max_length=10, choices=Choice.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vote", "person"], name="ballot_unique_person"),
        ]
        verbose_name = "röst"
        verbose_name_plural = "röster"

    def __str__(self) -> str:
        return f"{self.person}: {self.get_choice_display()}"
