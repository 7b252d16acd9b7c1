"""Notifications live in the notifications app now (its 0001 took over the model and its
table); the matches app lets go of the model without touching the database."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matches", "0004_incremental_matching"),
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Notification")],
            database_operations=[],
        ),
    ]
