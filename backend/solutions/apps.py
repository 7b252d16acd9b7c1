from django.apps import AppConfig


class SolutionsConfig(AppConfig):
    name = "backend.solutions"
    label = "solutions"
