from django.apps import AppConfig


class DialogueConfig(AppConfig):
    name = "backend.dialogue"
    label = "dialogue"
