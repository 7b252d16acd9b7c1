from typing import Any

from django.db import migrations, models


def sections_from_bodies(apps: Any, schema_editor: Any) -> None:
    """Each existing response becomes one section, not marked: the supplier marks its
    business secrets itself (a response stays confidential as it was)."""
    Response = apps.get_model("responses", "Response")
    for response in Response.objects.filter(sections=[]).only("pk", "body").iterator():
        response.sections = [{"text": response.body, "business_secret": False, "reason": ""}]
        response.save(update_fields=["sections"])


class Migration(migrations.Migration):
    dependencies = [
        ("responses", "0003_text_limits"),
    ]

    operations = [
        migrations.AddField(
            model_name="response",
            name="sections",
            field=models.JSONField(blank=True, default=list, verbose_name="sections"),
        ),
        migrations.RunPython(sections_from_bodies, migrations.RunPython.noop),
    ]
