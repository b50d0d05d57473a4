from django.apps import AppConfig


class MemosConfig(AppConfig):
    name = "kansli.memos"
    label = "memos"
    verbose_name = "Föredragnings-PM och beslutsförslag"
