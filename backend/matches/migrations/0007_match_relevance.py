"""Match.relevance: the topical part of the score, filled in for the pairs already stored
from their signals (dense, lexical, CPV and sector contributions)."""

from django.db import migrations, models

TOPICAL_SIGNALS = ("dense", "lexical", "cpv", "sector")  # matching.scoring.TOPICAL_SIGNALS
BATCH = 1000


def _relevance(signals):
    return float(
        sum(
            float(s.get("contribution") or 0.0)
            for s in signals or []
            if isinstance(s, dict) and s.get("name") in TOPICAL_SIGNALS
        )
    )


def fill_relevance(apps, schema_editor):
    Match = apps.get_model("matches", "Match")
    rows = []
    for match in Match.objects.only("pk", "signals").iterator(chunk_size=BATCH):
        match.relevance = _relevance(match.signals)
        rows.append(match)
        if len(rows) >= BATCH:
            Match.objects.bulk_update(rows, ["relevance"])
            rows = []
    if rows:
        Match.objects.bulk_update(rows, ["relevance"])


class Migration(migrations.Migration):
    dependencies = [
        ("matches", "0006_desk_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="match",
            name="relevance",
            field=models.FloatField(default=0.0),
        ),
        migrations.RunPython(fill_relevance, migrations.RunPython.noop),
    ]
