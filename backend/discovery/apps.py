from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "backend.discovery"
    label = "discovery"

    def ready(self) -> None:
        from backend.discovery import checks  # noqa: F401  (registers the system checks)
