from django.apps import AppConfig


class DelegationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kansli.delegation"
    verbose_name = "Delegationsbeslut och meddelanden"
