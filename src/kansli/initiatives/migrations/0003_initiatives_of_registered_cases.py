"""Cases registered in the registry as motions or citizen proposals before the registry
started the workflow (registry.hooks) enter the register of motions, received the day they
were registered; their authors or proposer are asked for on their pages."""

from django.db import migrations

KINDS = {"motion": "motion", "medborgarforslag": "medborgarforslag"}
SECRET_TITLE = "Ärendemening omfattas av sekretess"  # registry.selectors.SECRET_TITLE
TITLE_LIMIT = 400


def _title(case) -> str:
    title = SECRET_TITLE if case.secrecy else " ".join(case.title.split())
    return title if len(title) <= TITLE_LIMIT else title[: TITLE_LIMIT - 1] + "…"


def add_initiatives(apps, schema_editor):
    Case = apps.get_model("registry", "Case")
    Initiative = apps.get_model("initiatives", "Initiative")
    cases = Case.objects.filter(case_type__in=list(KINDS), initiative__isnull=True)
    Initiative.objects.bulk_create(
        Initiative(
            body_id=case.body_id,
            case=case,
            kind=KINDS[case.case_type],
            title=_title(case),
            received_on=case.registered_on,
        )
        for case in cases
    )


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0002_initiative_reports"),
        ("registry", "0004_series_default_of_single"),
    ]

    operations = [migrations.RunPython(add_initiatives, migrations.RunPython.noop)]
