"""Reads of competence profiles and research partnerships, scoped to what the user may see.

A partnership is seen by the need's buyer organisation, the institution and advisors; the
need's content and what the buyer shares only while the institution has accepted; the
responses only while, in addition, the buyer grants it. Anyone else: 404.
"""

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404

from backend.accounts.selectors import user_buyer_org_ids, user_is_advisor, user_research_org_ids
from backend.common.types import AnyUser
from backend.needs.models import Need
from backend.research.models import CompetenceProfile, ResearchPartnership
from backend.responses.models import Response


def profile_visibility_q(user: AnyUser) -> Q:
    if user_is_advisor(user):
        return Q()
    q = Q(status=CompetenceProfile.Status.PUBLISHED)
    own = user_research_org_ids(user)
    if own:
        q |= Q(organization_id__in=own)
    return q


def profile_list(*, user: AnyUser) -> QuerySet[CompetenceProfile]:
    return CompetenceProfile.objects.filter(profile_visibility_q(user)).select_related(
        "organization"
    )


def profile_get(*, user: AnyUser, profile_id: int) -> CompetenceProfile:
    profile = profile_list(user=user).filter(pk=profile_id).first()
    if profile is None:
        raise Http404
    return profile


def profiles_with_sector(
    profiles: QuerySet[CompetenceProfile], sector: str
) -> QuerySet[CompetenceProfile]:
    """Profiles listing `sector` (the list as text: works on SQLite and PostgreSQL alike)."""
    return profiles.annotate(sectors_text=Cast("sectors", CharField())).filter(
        sectors_text__contains=f'"{sector}"'
    )


def profiles_matching_text(
    profiles: QuerySet[CompetenceProfile], text: str
) -> QuerySet[CompetenceProfile]:
    """Profiles whose title, description, methods or keywords hold every word of `text`."""
    annotated = profiles.annotate(keywords_text=Cast("keywords", CharField()))
    for word in text.split()[:10]:
        annotated = annotated.filter(
            Q(title__icontains=word)
            | Q(description__icontains=word)
            | Q(methods__icontains=word)
            | Q(keywords_text__icontains=word)
        )
    return annotated


# Partnerships ----------------------------------------------------------------------------


def partnership_list(*, user: AnyUser) -> QuerySet[ResearchPartnership]:
    qs = ResearchPartnership.objects.select_related(
        "need", "need__organization", "organization", "profile"
    )
    if user_is_advisor(user):
        return qs
    q = Q(organization_id__in=user_research_org_ids(user)) | Q(
        need__organization_id__in=user_buyer_org_ids(user)
    )
    return qs.filter(q)


def partnership_get(*, user: AnyUser, partnership_id: int) -> ResearchPartnership:
    partnership = partnership_list(user=user).filter(pk=partnership_id).first()
    if partnership is None:
        raise Http404
    return partnership


def user_is_partner_side(*, user: AnyUser, partnership: ResearchPartnership) -> bool:
    return partnership.organization_id in user_research_org_ids(user)


def user_reads_partner_need(*, user: AnyUser, partnership: ResearchPartnership) -> bool:
    """The need's content and what is shared: the buyer and advisors always; the
    institution only while it has accepted."""
    if user_is_advisor(user) or partnership.need.organization_id in user_buyer_org_ids(user):
        return True
    return partnership.reads_need and user_is_partner_side(user=user, partnership=partnership)


def partner_responses(*, user: AnyUser, partnership: ResearchPartnership) -> QuerySet[Response]:
    """The need's responses, for the institution's members while accepted and granted;
    404 for anyone else (the buyer and advisors read them on the need's own path)."""
    if not (
        partnership.reads_responses and user_is_partner_side(user=user, partnership=partnership)
    ):
        raise Http404
    return (
        Response.objects.filter(need_id=partnership.need_id)
        .select_related("organization")
        .order_by("-created_at", "-id")
    )


def need_partnerships(*, need: Need) -> QuerySet[ResearchPartnership]:
    return need.research_partnerships.select_related("organization", "profile")
