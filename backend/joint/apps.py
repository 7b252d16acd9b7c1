from django.apps import AppConfig


class JointConfig(AppConfig):
    name = "backend.joint"
    label = "joint"
    verbose_name = "Joint procurement"
