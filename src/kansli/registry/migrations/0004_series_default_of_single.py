"""A body with exactly one series gets that series as its default; a body with several
chooses its own (Series admin)."""

from django.db import migrations
from django.db.models import Count


def mark_single_series(apps, schema_editor):
    Series = apps.get_model("registry", "Series")
    single = (
        Series.objects.order_by().values("body_id").annotate(count=Count("pk")).filter(count=1)
    ).values_list("body_id", flat=True)
    Series.objects.filter(body_id__in=list(single)).update(is_default=True)


class Migration(migrations.Migration):
    dependencies = [("registry", "0003_series_is_default")]

    operations = [migrations.RunPython(mark_single_series, migrations.RunPython.noop)]
