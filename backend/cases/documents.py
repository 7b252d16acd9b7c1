"""A published case as the search index sees it, and as the matching encoder embeds it.

The document carries the case's embedding (computed here through the embedding cache, so
once per content), which the case suggestions find by k-NN in the search backend.
"""

from datetime import datetime

import numpy as np

from backend.cases.models import Case
from backend.matches.engine import DatabaseEmbeddingCache, default_encoder
from matching.embeddings import embed_items
from matching.types import MatchItem
from search.types import IndexDocument


def _version(*changed: datetime) -> int:
    return int(max(changed).timestamp() * 1_000_000)


def case_item(case: Case) -> MatchItem:
    """The case as the encoder reads it: what was bought, what it gained, what was learnt.
    Its id (``case:<pk>``) keys its embedding in the cache."""
    gains = "\n".join(g.description for g in case.gains.all() if g.description)
    return MatchItem(
        id=f"case:{case.pk}",
        kind="need",
        title=case.title,
        description=case.summary,
        desired_effect=gains,
        sector=case.sector,
        cpv_codes=tuple(case.cpv_codes),
        language=case.language,
        owner_id=str(case.organization_id),
    )


def case_vectors(items: list[MatchItem]) -> np.ndarray:
    """The items' embeddings under the default model (encoded only when new or changed)."""
    return embed_items(items, default_encoder(), DatabaseEmbeddingCache())


def case_document(case: Case) -> IndexDocument:
    gains = list(case.gains.all())
    text = "\n\n".join(
        p for p in (case.summary, *(g.description for g in gains), case.lessons) if p
    )
    vector = case_vectors([case_item(case)])[0]
    return IndexDocument(
        kind="case",
        id=case.pk,
        version=_version(case.updated_at, case.organization.updated_at),
        title=case.title,
        text=text,
        language=case.language,
        organization_id=case.organization_id,
        organization_name=case.organization.name,
        sector=case.sector,
        cpv_codes=tuple(case.cpv_codes),
        counties=(case.organization.county,) if case.organization.county else (),
        status=case.status,
        stage=case.stage_reached,
        procedure=case.procedure,
        published_at=case.published_at,
        embedding=tuple(float(x) for x in vector),
        gain_types=tuple(dict.fromkeys(g.type for g in gains)),
    )
