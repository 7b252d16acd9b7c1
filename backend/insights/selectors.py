"""The advisor's overview of the pipeline: needs per stage, sector and county;
conferences; responses; introductions; joint procurements (groups active, needs in them)."""

from typing import Any

from django.db.models import Count
from django.utils import timezone

from backend.dialogue.models import DialogueConference
from backend.joint.selectors import joint_procurement_counts
from backend.matches.models import Match
from backend.needs.models import Need
from backend.reference.vocabularies import COUNTIES, SECTORS, STAGES, Term, label_for
from backend.responses.models import Response


def _counted(terms: tuple[Term, ...], rows: dict[str, int], key: str) -> list[dict[str, Any]]:
    return [{key: t.code, "label": t.label, "count": rows.get(t.code, 0)} for t in terms]


def pipeline_overview() -> dict[str, Any]:
    live = Need.objects.exclude(status=Need.Status.DRAFT)

    def by(field: str) -> dict[str, int]:
        return dict(live.values_list(field).annotate(n=Count("id")).values_list(field, "n"))

    counties = by("county")
    joint = joint_procurement_counts()
    return {
        "needs_total": live.count(),
        "needs_draft": Need.objects.filter(status=Need.Status.DRAFT).count(),
        "needs_by_stage": _counted(STAGES, by("stage"), "stage"),
        "needs_by_sector": _counted(SECTORS, by("sector"), "sector"),
        "needs_by_county": [
            {"county": c, "label": label_for(COUNTIES, c), "count": n}
            for c, n in sorted(counties.items(), key=lambda kv: -kv[1])
            if c
        ],
        "conferences_upcoming": DialogueConference.objects.filter(
            status=DialogueConference.Status.PUBLISHED, starts_at__gte=timezone.now()
        ).count(),
        "conferences_total": DialogueConference.objects.exclude(status="draft").count(),
        "responses_count": Response.objects.count(),
        "matches_suggested": Match.objects.filter(state=Match.State.SUGGESTED).count(),
        "matches_shortlisted": Match.objects.filter(state=Match.State.SHORTLISTED).count(),
        "introductions_count": Match.objects.filter(state=Match.State.INTRODUCED).count(),
        "joint_groups_active": joint["groups_active"],
        "joint_needs_in_groups": joint["needs_in_groups"],
    }
