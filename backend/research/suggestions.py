"""Research partners that may suit a need ("Forskningspartnere som kan passe").

The published competence profiles are ranked against the need with the matching package:
the encoder's embeddings (kept in the embedding cache, so a profile is encoded once per
content), language centring as the matching engine does, and its scoring function's
weights over the topical signals (dense similarity, CPV overlap, same sector). A profile
under the relevance floor is not suggested. The work is one cached read and one matrix
product over the published profiles: no engine or index is built per request.
"""

from dataclasses import dataclass

import numpy as np
from django.conf import settings

from backend.matches import engine as eng
from backend.matches.centring import centring_load
from backend.needs.models import Need
from backend.research.models import CompetenceProfile, ResearchPartnership
from matching.cpv import cpv_overlap
from matching.embeddings import embed_items
from matching.pipeline import language_of
from matching.scoring import combine, contributions, relevance
from matching.types import MatchItem

#: The entity name of profiles in the embedding cache.
ENTITY = "competence"
#: Suggestions shown on a need.
LIMIT = 5


@dataclass(frozen=True)
class ProfileSuggestion:
    profile: CompetenceProfile
    score: float
    relevance: float
    same_sector: bool
    shared_cpv: bool


def profile_item(profile: CompetenceProfile) -> MatchItem:
    """A profile as the matching package sees an offer: its text, CPV codes and language."""
    keywords = ", ".join(profile.keywords)
    return MatchItem(
        id=f"{ENTITY}:{profile.pk}",
        kind="solution",
        title=profile.title,
        description="\n\n".join(p for p in (profile.description, profile.methods, keywords) if p),
        sector=profile.sectors[0] if profile.sectors else None,
        cpv_codes=tuple(profile.cpv_codes),
        language=profile.language,
        owner_id=str(profile.organization_id),
    )


def _centred(items: list[MatchItem]) -> np.ndarray:
    vectors = embed_items(items, eng.default_encoder(), eng.DatabaseEmbeddingCache())
    centring, _stale = centring_load()
    return centring.transform(vectors, [language_of(i) for i in items])


def _signals(need: Need, profiles: list[CompetenceProfile], dense: np.ndarray) -> np.ndarray:
    """Rows: profiles; columns: matching.scoring.SIGNALS (no lexical, region or TRL)."""
    rows = [
        (
            float(d),
            0.0,
            cpv_overlap(need.cpv_codes, p.cpv_codes),
            float(need.sector in p.sectors),
            0.0,
            0.0,
        )
        for p, d in zip(profiles, dense, strict=True)
    ]
    return np.array(rows, dtype=np.float64).reshape(len(profiles), 6)


def research_suggestions(*, need: Need, limit: int = LIMIT) -> list[ProfileSuggestion]:
    """The published profiles of verified institutions not already on the need, best first,
    from the relevance floor (MATCHING_RELEVANCE_FLOOR) up."""
    on_need = ResearchPartnership.objects.filter(
        need=need, state__in=ResearchPartnership.OPEN_STATES
    ).values("organization_id")
    profiles = list(
        CompetenceProfile.objects.filter(
            status=CompetenceProfile.Status.PUBLISHED, organization__verified=True
        )
        .exclude(organization_id__in=on_need)
        .select_related("organization")
        .order_by("pk")
    )
    if not profiles:
        return []
    vectors = _centred([eng.need_item(need), *(profile_item(p) for p in profiles)])
    signals = _signals(need, profiles, vectors[1:] @ vectors[0])
    weights = eng.weights_get()
    scores = combine(signals, weights)
    floor = settings.MATCHING_RELEVANCE_FLOOR
    found = []
    for profile, row, score in zip(profiles, signals, scores, strict=True):
        topical = relevance(contributions(row, weights))
        if topical >= floor:
            found.append(
                ProfileSuggestion(profile, float(score), topical, bool(row[3]), bool(row[2] > 0))
            )
    found.sort(key=lambda s: (-s.score, s.profile.pk))
    best: dict[int, ProfileSuggestion] = {}
    for suggestion in found:  # an institution's best-fitting profile only
        best.setdefault(suggestion.profile.organization_id, suggestion)
    return list(best.values())[:limit]
