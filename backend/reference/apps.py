from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "backend.reference"
    label = "reference"
