from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "backend.discovery"
    label = "discovery"
