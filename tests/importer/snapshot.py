"""Row counts of everything an import can write: equal before and after means nothing was."""

from django.apps import apps

_APPS = ("core", "people", "registry", "memos", "meetings", "minutes", "publishing")


def row_counts() -> dict[str, int]:
    counts = {}
    for label in _APPS:
        for model in apps.get_app_config(label).get_models():
            counts[model._meta.label] = model._default_manager.count()
    return counts
