from django.apps import AppConfig


class NoticesConfig(AppConfig):
    """A need's market dialogue as notices others read: eForms PIN (Doffin/TED) and OCDS."""

    name = "backend.notices"
    label = "notices"
