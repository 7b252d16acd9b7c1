"""Notifications made before kinds linked to pages the app never had (``/behov/{id}``,
``/konferanser/{id}``): they now open the need's and the conference's page."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models import Value
from django.db.models.functions import Replace

MOVES = (("/behov/", "/needs/"), ("/konferanser/", "/conferences/"))


def _relink(reverse: bool):  # type: ignore[no-untyped-def]
    def run(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        notification = apps.get_model("notifications", "Notification")
        for old, new in MOVES:
            source, target = (new, old) if reverse else (old, new)
            notification.objects.filter(kind="", link__startswith=source).update(
                link=Replace("link", Value(source), Value(target))
            )

    return run


class Migration(migrations.Migration):
    dependencies = [("notifications", "0003_kinds_preferences_deliveries")]

    operations = [migrations.RunPython(_relink(False), _relink(True))]
