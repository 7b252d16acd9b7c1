from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "backend.research"
    label = "research"
