"""How an authorisation was given, and the revocation as avtalslagen 12–16 and 18 §§ have it:
the day it was decided and the day of the event that makes it take effect.

Existing rows were given "meddelande till tredje man" (AvtL 13 §): the authorisations the
register was built for are the bank and finance authorisations of corpus item 8, which the
region makes known to the bank by a letter of its decision, and those are revoked when a
message of the revocation reaches the bank. A row that was given otherwise can be corrected on
its page while its revocation has no effect.

`revoked_on` was "återkallas från", the day the revocation took effect. It becomes the day the
revocation was decided (`revocation_decided_on`), and the same day is kept as the day the
third party was told, so that every authorisation revoked before keeps the last day it was
shown with."""

from django.db import migrations, models
from django.db.models import F


def keep_the_effect_day(apps, schema_editor):
    Authorisation = apps.get_model("authorisations", "Authorisation")
    Authorisation.objects.filter(revocation_decided_on__isnull=False).update(
        third_party_told_on=F("revocation_decided_on")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("authorisations", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="authorisation",
            name="authorisation_revoked_after_start",
        ),
        migrations.RenameField(
            model_name="authorisation",
            old_name="revoked_on",
            new_name="revocation_decided_on",
        ),
        migrations.AlterField(
            model_name="authorisation",
            name="revocation_decided_on",
            field=models.DateField(blank=True, null=True, verbose_name="återkallelsen beslutad"),
        ),
        migrations.AddField(
            model_name="authorisation",
            name="given_by",
            field=models.CharField(
                choices=[
                    ("tredje_man", "meddelande till tredje man"),
                    ("kungjord", "offentligt kungjord"),
                    ("befattning", "följer av befattning"),
                    ("handling", "fullmaktshandling till fullmäktigen"),
                    ("fullmaktig", "bara meddelad fullmäktigen"),
                ],
                default="tredje_man",
                help_text="Avgör hur fullmakten återkallas (avtalslagen 12–16 och 18 §§).",
                max_length=20,
                verbose_name="hur fullmakten gavs",
            ),
        ),
        migrations.AddField(
            model_name="authorisation",
            name="third_party_told_on",
            field=models.DateField(
                blank=True,
                help_text="Dagen då meddelandet om återkallelsen kom fram till banken eller den "
                "andra som fått meddelande om fullmakten; har flera fått det, den sista av dem "
                "(avtalslagen 13 §).",
                null=True,
                verbose_name="tredje man underrättad",
            ),
        ),
        migrations.AddField(
            model_name="authorisation",
            name="revocation_announced_on",
            field=models.DateField(
                blank=True,
                help_text="Dagen då återkallelsen kungjordes på samma sätt som fullmakten "
                "(avtalslagen 14 §).",
                null=True,
                verbose_name="återkallelsen kungjord",
            ),
        ),
        migrations.AddField(
            model_name="authorisation",
            name="left_position_on",
            field=models.DateField(
                blank=True,
                help_text="Dagen då innehavaren lämnade den befattning som fullmakten följer av "
                "(avtalslagen 15 §).",
                null=True,
                verbose_name="innehavaren lämnade befattningen",
            ),
        ),
        migrations.AddField(
            model_name="authorisation",
            name="document_returned_on",
            field=models.DateField(
                blank=True,
                help_text="Dagen då fullmaktshandlingen togs tillbaka från fullmäktigen eller "
                "förstördes (avtalslagen 16 §).",
                null=True,
                verbose_name="fullmaktshandlingen återtagen eller förstörd",
            ),
        ),
        migrations.AddField(
            model_name="authorisation",
            name="holder_told_on",
            field=models.DateField(
                blank=True,
                help_text="Dagen då beskedet om återkallelsen kom fram till innehavaren "
                "(avtalslagen 18 §).",
                null=True,
                verbose_name="fullmäktigen underrättad",
            ),
        ),
        migrations.RunPython(keep_the_effect_day, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="authorisation",
            constraint=models.CheckConstraint(
                condition=models.Q(revocation_decided_on__isnull=True)
                | models.Q(revocation_decided_on__gte=models.F("valid_from")),
                name="authorisation_revoked_after_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="authorisation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    given_by__in=["tredje_man", "kungjord", "befattning", "handling", "fullmaktig"]
                ),
                name="authorisation_given_by_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="authorisation",
            constraint=models.CheckConstraint(
                condition=models.Q(left_position_on__isnull=True)
                | models.Q(
                    revocation_decided_on__isnull=False,
                    left_position_on__gte=models.F("valid_from"),
                ),
                name="authorisation_left_position_after_start",
            ),
        ),
        *(
            migrations.AddConstraint(
                model_name="authorisation",
                constraint=models.CheckConstraint(
                    condition=models.Q(**{f"{field}__isnull": True})
                    | models.Q(
                        revocation_decided_on__isnull=False,
                        **{f"{field}__gte": models.F("revocation_decided_on")},
                    ),
                    name=f"authorisation_{field}_after_decision",
                ),
            )
            for field in (
                "third_party_told_on",
                "revocation_announced_on",
                "document_returned_on",
                "holder_told_on",
            )
        ),
    ]
