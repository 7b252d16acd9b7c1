from django.apps import AppConfig


class PilotsConfig(AppConfig):
    name = "backend.pilots"
    label = "pilots"
