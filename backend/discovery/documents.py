"""Build the search index's plain documents from the database rows.

A document's version (the index's external versioning keeps the newest) is the latest
change, in microseconds, of every row it is built from: the row itself, its organisation
(whose name and county it carries) and, for a conference, its needs. So an edit of any of
them replaces the document, and a late or replayed older one never does.
"""

from datetime import datetime

from django.core.exceptions import ObjectDoesNotExist

from backend.dialogue.models import DialogueConference
from backend.matches.engine import stored_vector
from backend.needs.models import Need
from backend.outbox.entities import Entity
from backend.solutions.models import Solution
from search.types import IndexDocument


def _version(*changed: datetime) -> int:
    return int(max(changed).timestamp() * 1_000_000)


def need_document(need: Need) -> IndexDocument:
    """A need's document; its pilot (backend/pilots, read with the registry's join) says
    whether it seeks one, and a change of the pilot is a change of the document."""
    text = "\n\n".join(p for p in (need.description, need.desired_effect) if p)
    try:
        pilot = need.pilot
    except ObjectDoesNotExist:
        pilot = None
    changed = (need.updated_at, need.organization.updated_at)
    return IndexDocument(
        kind="need",
        id=need.pk,
        version=_version(*changed, *((pilot.updated_at,) if pilot else ())),
        title=need.title,
        text=text,
        language=need.language,
        organization_id=need.organization_id,
        organization_name=need.organization.name,
        sector=need.sector,
        cpv_codes=tuple(need.cpv_codes),
        counties=(need.county,) if need.county else (),
        status=need.status,
        stage=need.stage,
        procedure=need.procedure,
        published_at=need.published_at,
        deadline=need.response_deadline,
        embedding=stored_vector(Entity.NEED, need.pk),
        seeks_pilot=bool(pilot and pilot.seeking),
    )


def solution_document(solution: Solution) -> IndexDocument:
    return IndexDocument(
        kind="solution",
        id=solution.pk,
        version=_version(solution.updated_at, solution.organization.updated_at),
        title=solution.title,
        text=solution.description,
        language=solution.language,
        organization_id=solution.organization_id,
        organization_name=solution.organization.name,
        sector=solution.sector,
        cpv_codes=tuple(solution.cpv_codes),
        counties=tuple(solution.regions),
        status=solution.status,
        trl=solution.trl,
        published_at=solution.published_at,
        embedding=stored_vector(Entity.SOLUTION, solution.pk),
    )


def conference_document(conference: DialogueConference) -> IndexDocument:
    """A public conference's document derives from its published needs only: a linked draft
    (or closed) need adds no sector, stage or CPV code to what visitors can search."""
    linked = list(conference.needs.all())
    needs = [n for n in linked if n.status == Need.Status.PUBLISHED]
    first = needs[0] if needs else None
    text = "\n\n".join(p for p in (conference.description, conference.agenda) if p)
    cpv = tuple(dict.fromkeys(c for n in needs for c in n.cpv_codes))
    return IndexDocument(
        kind="conference",
        id=conference.pk,
        # A linked need leaving publication takes its sector away: it counts as a change.
        version=_version(
            conference.updated_at,
            conference.organization.updated_at,
            *(n.updated_at for n in linked),
        ),
        title=conference.title,
        text=text,
        language=first.language if first else "nb",
        organization_id=conference.organization_id,
        organization_name=conference.organization.name,
        sector=first.sector if first else "",
        cpv_codes=cpv,
        counties=(conference.organization.county,) if conference.organization.county else (),
        status="closed" if conference.status == "cancelled" else "published",
        stage=first.stage if first else None,
        published_at=conference.published_at,
        deadline=conference.registration_deadline,
        starts_at=conference.starts_at,
    )
