from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "backend.cases"
    label = "cases"
