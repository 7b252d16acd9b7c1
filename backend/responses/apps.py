from django.apps import AppConfig


class ResponsesConfig(AppConfig):
    name = "backend.responses"
    label = "responses"
