"""Matches: recomputed by the engine after a change; curated by advisors.

A rejected pair never comes back: the engine skips pairs whose row is rejected (for two
needs, in either direction), and rows are never deleted once an advisor has decided on them.
"""

from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.access import check_advisor
from backend.common.exports import Table
from backend.matches import engine as eng
from backend.matches.models import Match, MatchNote
from backend.matches.notifications import notifications_send
from backend.needs.models import Need
from backend.outbox.entities import ENTITIES, Entity, entity_spec
from backend.solutions.models import Solution
from matching.pipeline import MatchingEngine
from matching.types import ScoredMatch


def _explanation_fields(m: ScoredMatch) -> dict[str, object]:
    e = m.explanation
    return {
        "score": float(m.score),
        "signals": [
            {
                "name": s.name,
                "value": float(s.value),
                "weight": float(s.weight),
                "contribution": float(s.contribution),
            }
            for s in e.signals
        ],
        "shared_terms": list(e.shared_terms),
        "best_pair": list(e.best_pair) if e.best_pair else [],
    }


def _pair_rejected(*, need_id: int, other_need_id: int) -> bool:
    """Two needs rejected as a pair, in either direction."""
    return Match.objects.filter(
        Q(need_id=need_id, other_need_id=other_need_id)
        | Q(need_id=other_need_id, other_need_id=need_id),
        state=Match.State.REJECTED,
    ).exists()


def _upsert(
    *, need_id: int, target: str, scored: ScoredMatch, model_id: str, from_target: bool = False
) -> None:
    """Create or refresh a pair; a rejected pair is left alone. `from_target`: the engine
    ranked from the solution's side, so the sentence pair is turned to read need first."""
    kind, target_id = eng.split_item_id(target)
    lookup = (
        {"need_id": need_id, "solution_id": target_id}
        if kind == "solution"
        else {"need_id": need_id, "other_need_id": target_id}
    )
    if kind == "need" and _pair_rejected(need_id=need_id, other_need_id=target_id):
        return
    fields = _explanation_fields(scored) | {"model_id": model_id}
    if from_target:
        fields["best_pair"] = list(reversed(fields["best_pair"]))  # type: ignore[call-overload]
    existing = Match.objects.filter(**lookup).first()
    if existing is None:
        Match.objects.create(
            kind=Match.Kind.NEED_SOLUTION if kind == "solution" else Match.Kind.NEED_NEED,
            **lookup,
            **fields,
        )
    elif existing.state != Match.State.REJECTED:
        for name, value in fields.items():
            setattr(existing, name, value)
        existing.save(update_fields=[*fields, "updated_at"])


def _replace_suggestions(
    *, need_id: int, kind: str, scored: Sequence[tuple[str, ScoredMatch]], model_id: str
) -> None:
    """Write the engine's pairs for one need; drop engine suggestions that fell out."""
    keep: set[int] = set()
    for target, match in scored:
        _upsert(need_id=need_id, target=target, scored=match, model_id=model_id)
        keep.add(eng.split_item_id(target)[1])
    stale = Match.objects.filter(
        need_id=need_id, kind=kind, state=Match.State.SUGGESTED, source=Match.Source.ENGINE
    )
    field = "solution_id__in" if kind == Match.Kind.NEED_SOLUTION else "other_need_id__in"
    stale.exclude(**{field: keep}).delete()


def _rank_and_store_needs(needs: Sequence[Need], engine: MatchingEngine) -> None:
    """Rank outside any transaction (encoding may take seconds); write in a short one."""
    k, model_id = settings.MATCHING_TOP_K, engine.encoder.model_id
    items = [eng.need_item(n) for n in needs]
    solutions = engine.rank_many(items, "solution", k)
    similar = engine.rank_many(items, "need", k)
    with transaction.atomic():
        for need, item in zip(needs, items, strict=True):
            for kind, ranked in (
                (Match.Kind.NEED_SOLUTION, solutions),
                (Match.Kind.NEED_NEED, similar),
            ):
                _replace_suggestions(
                    need_id=need.pk,
                    kind=kind,
                    model_id=model_id,
                    scored=[(m.target_id, m) for m in ranked[item.id]],
                )


def matches_recompute_for_needs(*, need_ids: Iterable[int]) -> None:
    needs = list(Need.objects.filter(pk__in=list(need_ids), status=Need.Status.PUBLISHED))
    if needs:
        engine = eng.engine_build(eng.published_needs(), eng.published_solutions())
        _rank_and_store_needs(needs, engine)


def matches_recompute_for_solutions(*, solution_ids: Iterable[int]) -> None:
    solutions = list(
        Solution.objects.filter(pk__in=list(solution_ids), status=Solution.Status.PUBLISHED)
    )
    if not solutions:
        return
    engine = eng.engine_build(eng.published_needs(), eng.published_solutions())
    items = [ENTITIES[Entity.SOLUTION].matching_item(s) for s in solutions]
    ranked = engine.rank_many(items, "need", settings.MATCHING_TOP_K)
    with transaction.atomic():
        for item in items:
            for match in ranked[item.id]:
                _upsert(
                    need_id=eng.split_item_id(match.target_id)[1],
                    target=match.source_id,
                    scored=match,
                    model_id=engine.encoder.model_id,
                )


def matches_recompute(*, entity: str, ids: list[int]) -> None:
    """Outbox handler: idempotent, so retries create no duplicates. An entity the registry
    does not match (a conference) has nothing to recompute."""
    spec = entity_spec(entity)
    if spec.entity == Entity.NEED:
        matches_recompute_for_needs(need_ids=ids)
    elif spec.entity == Entity.SOLUTION:
        matches_recompute_for_solutions(solution_ids=ids)


def _check_not_rejected(match: Match) -> None:
    rejected = match.state == Match.State.REJECTED or (
        match.other_need_id is not None
        and _pair_rejected(need_id=match.need_id, other_need_id=match.other_need_id)
    )
    if rejected:
        raise ValidationError(_("The match has been rejected; a rejected pair stays rejected."))


def _decide(*, user: User, match: Match, state: str, action: str, **extra: object) -> Match:
    check_advisor(user=user)
    _check_not_rejected(match)
    return _set_state(user=user, match=match, state=state, action=action, **extra)


def _set_state(*, user: User, match: Match, state: str, action: str, **extra: object) -> Match:
    match.state, match.decided_by, match.decided_at = state, user, timezone.now()
    for name, value in extra.items():
        setattr(match, name, value)
    match.save(update_fields=["state", "decided_by", "decided_at", "updated_at", *extra])
    audit_log(actor=user, action=action, obj=match, data={"state": state, **extra})
    return match


@transaction.atomic
def match_shortlist(*, user: User, match: Match) -> Match:
    return _decide(
        user=user, match=match, state=Match.State.SHORTLISTED, action=AuditEvent.Action.SHORTLISTED
    )


@transaction.atomic
def match_reject(*, user: User, match: Match, reason: str) -> Match:
    if not reason.strip():
        raise ValidationError({"reason": [_("Give a reason for the rejection.")]})
    check_advisor(user=user)
    _check_not_rejected(match)
    pairs = [match]
    if match.other_need_id is not None:
        # For two needs, the same pair seen from the other buyer's side is rejected with it.
        pairs += Match.objects.filter(need_id=match.other_need_id, other_need_id=match.need_id)
    for pair in pairs:
        _set_state(
            user=user,
            match=pair,
            state=Match.State.REJECTED,
            action=AuditEvent.Action.REJECTED,
            rejection_reason=reason.strip(),
        )
    return match


@transaction.atomic
def match_introduce(*, user: User, match: Match) -> Match:
    check_advisor(user=user)
    if match.state == Match.State.INTRODUCED:
        raise ValidationError(_("The parties have already been introduced."))
    if not all(side.is_public for side in (match.need, match.solution or match.other_need) if side):
        # The introduction names both sides to both parties: a draft never shows that way.
        raise ValidationError(_("Only published needs and solutions can be introduced."))
    match = _decide(
        user=user, match=match, state=Match.State.INTRODUCED, action=AuditEvent.Action.INTRODUCED
    )
    _notify_introduction(match)
    return match


def _introduction_recipients(match: Match) -> list[User]:
    orgs = [match.need.organization_id]
    if match.solution is not None:
        orgs.append(match.solution.organization_id)
    if match.other_need is not None:
        orgs.append(match.other_need.organization_id)
    return list(User.objects.filter(memberships__organization_id__in=orgs).distinct())


def _notify_introduction(match: Match) -> None:
    other = match.solution.title if match.solution else match.other_need.title  # type: ignore[union-attr]
    title = _("Introduction: %(need)s ↔ %(other)s") % {"need": match.need.title, "other": other}
    body = _(
        "A LUP advisor has introduced your organisations to each other on Innovasjonstorget. "
        "Get in touch to talk about the need “%(need)s” and “%(other)s”."
    ) % {"need": match.need.title, "other": other}
    notifications_send(
        users=_introduction_recipients(match),
        title=title,
        body=body,
        link=f"/needs/{match.need_id}",
    )


def match_note_add(*, user: User, match: Match, text: str) -> MatchNote:
    check_advisor(user=user)
    if not text.strip():
        raise ValidationError({"text": [_("A note cannot be empty.")]})
    note = MatchNote.objects.create(match=match, author=user, text=text.strip())
    audit_log(actor=user, action=AuditEvent.Action.NOTED, obj=match)
    return note


@transaction.atomic
def match_create_manual(
    *,
    user: User,
    need: Need,
    solution: Solution | None = None,
    other_need: Need | None = None,
    note: str = "",
) -> Match:
    check_advisor(user=user)
    if (solution is None) == (other_need is None):
        raise ValidationError(_("Choose either a solution or another need."))
    if other_need is not None and other_need.pk == need.pk:
        raise ValidationError({"other_need": [_("A need cannot be matched with itself.")]})
    lookup = (
        {"need": need, "solution": solution}
        if solution
        else {"need": need, "other_need": other_need}
    )
    reverse = Q(need=other_need, other_need=need) if other_need is not None else Q(pk__in=[])
    if Match.objects.filter(Q(**lookup) | reverse).exists():
        raise ValidationError(_("This pair is already on the board."))
    match = Match.objects.create(
        kind=Match.Kind.NEED_SOLUTION if solution else Match.Kind.NEED_NEED,
        source=Match.Source.MANUAL,
        state=Match.State.SHORTLISTED,
        created_by=user,
        decided_by=user,
        decided_at=timezone.now(),
        **lookup,
    )
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=match)
    if note.strip():
        MatchNote.objects.create(match=match, author=user, text=note.strip())
    return match


MATCH_EXPORT_HEADER = (
    "id",
    "behov",
    "kjøper",
    "løsning/behov",
    "leverandør/kjøper",
    "score",
    "status",
    "begrunnelse",
    "besluttet av",
    "besluttet",
)


def _match_row(m: Match) -> tuple[str | int | float, ...]:
    other = m.solution or m.other_need
    return (
        m.pk,
        m.need.title,
        m.need.organization.name,
        other.title if other else "",
        other.organization.name if other else "",
        round(m.score, 3),
        m.get_state_display(),
        m.rejection_reason,
        m.decided_by.email if m.decided_by else "",
        timezone.localtime(m.decided_at).isoformat() if m.decided_at else "",
    )


def match_export(*, user: User, matches: QuerySet[Match]) -> Table:
    """The curation decisions, for advisors (CSV or XLSX). The export is audited."""
    check_advisor(user=user)
    rows = [_match_row(m) for m in matches]
    audit_log(actor=user, action=AuditEvent.Action.EXPORTED, obj=user, data={"what": "matches"})
    return Table(title="Matcher", header=MATCH_EXPORT_HEADER, rows=rows)


def matches_recompute_all() -> int:
    """Recompute every published need's suggestions with one engine (batched encoding and
    batched vector search). Returns the number of needs."""
    needs = eng.published_needs()
    if needs:
        _rank_and_store_needs(needs, eng.engine_build(needs, eng.published_solutions()))
    return len(needs)
