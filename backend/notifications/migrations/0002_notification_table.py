"""The moved notifications get this app's table name, and the model's content type (with its
permissions and admin history) follows the model to this app."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def _move_content_type(source: str, target: str):  # type: ignore[no-untyped-def]
    def move(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        content_type = apps.get_model("contenttypes", "ContentType")
        if content_type.objects.filter(app_label=target, model="notification").exists():
            return
        content_type.objects.filter(app_label=source, model="notification").update(
            app_label=target
        )

    return move


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("matches", "0005_notification_moved"),
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="notification", table=None),
        migrations.RunPython(
            _move_content_type("matches", "notifications"),
            _move_content_type("notifications", "matches"),
        ),
    ]
