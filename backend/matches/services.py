"""Matches: recomputed by the engine after a change; curated by advisors.

A rejected pair never comes back: the engine skips pairs whose row is rejected (for two
needs, in either direction), and rows are never deleted once an advisor has decided on them.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

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
from backend.matches.centring import centring_load, centring_refresh
from backend.matches.models import Match, MatchNote
from backend.needs.models import Need
from backend.notifications import news
from backend.outbox.entities import ENTITIES, Entity, entity_spec
from backend.solutions.models import Solution
from matching.incremental import IncrementalRanker, Rescore
from matching.scoring import relevance
from matching.types import ItemKind, MatchItem, ScoredMatch


def _explanation_fields(m: ScoredMatch) -> dict[str, object]:
    e = m.explanation
    return {
        "score": float(m.score),
        "relevance": relevance(e.signals),
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


# Which side's ranking put a pair on the board: the need's own top k (its suggestion list)
# or the other side's (the solution's top k needs, the other need's top k similar needs).
# An engine suggestion stays while either side ranks it.
BY_NEED, BY_TARGET = "by_need", "by_target"


def _upsert(
    *,
    need_id: int,
    target: str,
    scored: ScoredMatch,
    model_id: str,
    by: str = BY_NEED,
    from_target: bool = False,
) -> bool:
    """Create or refresh a pair ranked by one side; a rejected pair is left alone (False).
    `from_target`: the engine ranked from the other side, so the sentence pair is turned to
    read need first. The need's own ranking owns the score shown; the other side's only
    sets its flag on a pair the need ranks too."""
    kind, target_id = eng.split_item_id(target)
    lookup = (
        {"need_id": need_id, "solution_id": target_id}
        if kind == "solution"
        else {"need_id": need_id, "other_need_id": target_id}
    )
    if kind == "need" and _pair_rejected(need_id=need_id, other_need_id=target_id):
        return False
    fields = _explanation_fields(scored) | {"model_id": model_id}
    if from_target:
        fields["best_pair"] = list(reversed(fields["best_pair"]))  # type: ignore[call-overload]
    existing = Match.objects.filter(**lookup).first()
    if existing is None:
        Match.objects.create(
            kind=Match.Kind.NEED_SOLUTION if kind == "solution" else Match.Kind.NEED_NEED,
            by_need=by == BY_NEED,
            by_target=by == BY_TARGET,
            **lookup,
            **fields,
        )
        return True
    if existing.state == Match.State.REJECTED:
        return False
    if by == BY_TARGET and existing.by_need:
        fields = {}
    for name, value in (fields | {by: True}).items():
        setattr(existing, name, value)
    existing.save(update_fields=[*fields, by, "updated_at"])
    return True


def _unrank(rows: QuerySet[Match], *, by: str, keep: set[int], field: str) -> None:
    """Rows the side ranked before and no longer does lose its flag; engine suggestions no
    side ranks any more go (advisors' decisions stay)."""
    rows.filter(**{by: True}).exclude(**{f"{field}__in": keep}).update(**{by: False})
    _prune(rows)


def _prune(rows: QuerySet[Match]) -> None:
    rows.filter(
        by_need=False, by_target=False, state=Match.State.SUGGESTED, source=Match.Source.ENGINE
    ).delete()


def _store_need_solutions(need_id: int, ranked: Sequence[ScoredMatch], model_id: str) -> None:
    for m in ranked:
        _upsert(need_id=need_id, target=m.target_id, scored=m, model_id=model_id)
    keep = {eng.split_item_id(m.target_id)[1] for m in ranked}
    rows = Match.objects.filter(need_id=need_id, kind=Match.Kind.NEED_SOLUTION)
    _unrank(rows, by=BY_NEED, keep=keep, field="solution_id")


def _store_similar_needs(need_id: int, ranked: Sequence[ScoredMatch], model_id: str) -> None:
    """The need's top k similar needs: its own rows, and the same pairs on the others'
    lists (their by_target), so a new need shows on the similar needs it found."""
    for m in ranked:
        other_id = eng.split_item_id(m.target_id)[1]
        _upsert(need_id=need_id, target=m.target_id, scored=m, model_id=model_id)
        _upsert(
            need_id=other_id,
            target=m.source_id,
            scored=m,
            model_id=model_id,
            by=BY_TARGET,
            from_target=True,
        )
    keep = {eng.split_item_id(m.target_id)[1] for m in ranked}
    own = Match.objects.filter(need_id=need_id, kind=Match.Kind.NEED_NEED)
    _unrank(own, by=BY_NEED, keep=keep, field="other_need_id")
    theirs = Match.objects.filter(other_need_id=need_id, kind=Match.Kind.NEED_NEED)
    _unrank(theirs, by=BY_TARGET, keep=keep, field="need_id")


def _store_solution_needs(solution_id: int, ranked: Sequence[ScoredMatch], model_id: str) -> None:
    for m in ranked:
        _upsert(
            need_id=eng.split_item_id(m.target_id)[1],
            target=m.source_id,
            scored=m,
            model_id=model_id,
            by=BY_TARGET,
            from_target=True,
        )
    keep = {eng.split_item_id(m.target_id)[1] for m in ranked}
    rows = Match.objects.filter(solution_id=solution_id, kind=Match.Kind.NEED_SOLUTION)
    _unrank(rows, by=BY_TARGET, keep=keep, field="need_id")


def _lock_lists(owners: Iterable[str]) -> None:
    """Take the lists of these items (``need:1``, ``solution:2``) for the rest of the
    transaction: a row lock on each owner's row, solutions then needs, each by id (one order
    for every writer, so two never wait for each other). FOR NO KEY UPDATE: a pair inserted
    elsewhere (whose foreign key check shares the row) does not wait. Every writer of a
    list holds it: an item's own ranking (with the similar needs it mirrors rows on), and
    the reverse direction's insert if better (with the newcomer), which re-reads the list
    under it."""
    ids: dict[str, set[int]] = {"solution": set(), "need": set()}
    for owner in owners:
        kind, pk = eng.split_item_id(owner)
        ids[kind].add(pk)
    if ids["solution"]:
        chosen = Solution.objects.filter(pk__in=ids["solution"]).order_by("pk")
        list(chosen.select_for_update(no_key=True).values_list("pk", flat=True))
    if ids["need"]:
        wanted = Need.objects.filter(pk__in=ids["need"]).order_by("pk")
        list(wanted.select_for_update(no_key=True).values_list("pk", flat=True))


def _rank_and_store(
    ranker: IncrementalRanker,
    item: MatchItem,
    kinds: Sequence[ItemKind] | None = None,
    *,
    announce: bool = False,
) -> dict[ItemKind, list[ScoredMatch]]:
    """Rank one item (a need: against solutions and needs; a solution: against needs, or
    only `kinds`) outside any transaction (encoding may take a moment), and write its lists
    in a short one."""
    k, model_id = settings.MATCHING_TOP_K, ranker.encoder.model_id
    kind, pk = eng.split_item_id(item.id)
    kinds = kinds or (("solution", "need") if kind == "need" else ("need",))
    ranked = ranker.rank_kinds(item, kinds, k)
    with transaction.atomic():
        # Its own lists, and the similar needs' lists it writes its mirror rows on: two
        # similar needs ranked at once would otherwise write each other's rows in turn.
        _lock_lists([item.id, *(m.target_id for m in ranked.get("need", ()) if kind == "need")])
        known = _paired_ids(pk) if announce and kind == "need" else None
        if kind == "need" and "solution" in ranked:
            _store_need_solutions(pk, ranked["solution"], model_id)
        if kind == "need" and "need" in ranked:
            _store_similar_needs(pk, ranked["need"], model_id)
        if kind == "solution":
            _store_solution_needs(pk, ranked["need"], model_id)
        if known is not None:
            _announce_new_pairs(pk, ranked, known)
    return ranked


def _paired_ids(need_id: int) -> dict[ItemKind, set[int]]:
    """The solutions and other needs already paired with a need (any state)."""
    rows = list(Match.objects.filter(need_id=need_id).values_list("solution_id", "other_need_id"))
    return {
        "solution": {s for s, _ in rows if s is not None},
        "need": {n for _, n in rows if n is not None},
    }


def _worth_announcing(
    ranked: Mapping[ItemKind, Sequence[ScoredMatch]], kind: ItemKind
) -> list[ScoredMatch]:
    """The pairs whose relevance (the topical part of the score: matching.scoring) reaches
    MATCHING_ANNOUNCE_MIN_RELEVANCE. On the development set, pairs below the default 0.40
    were mostly not relevant (see MATCHING_ANNOUNCE_MIN_RELEVANCE in the settings)."""
    floor = settings.MATCHING_ANNOUNCE_MIN_RELEVANCE
    return [m for m in ranked.get(kind, ()) if relevance(m.explanation.signals) >= floor]


def _announce_new_pairs(
    need_id: int, ranked: Mapping[ItemKind, Sequence[ScoredMatch]], known: dict[ItemKind, set[int]]
) -> None:
    """A need's ranking found solutions and needs it was not paired with before: their
    suppliers hear of a new need for their solution, the other needs' buyers of a need like
    theirs (both are public; a rejected pair was known, so it is never announced). Only pairs
    relevant enough are announced (``_worth_announcing``); the others stay suggestions."""
    new = {
        kind: [
            pk
            for pk in (eng.split_item_id(m.target_id)[1] for m in _worth_announcing(ranked, kind))
            if pk not in known[kind]
        ]
        for kind in ("solution", "need")
    }
    if not (new["solution"] or new["need"]):
        return
    need = Need.objects.select_related("organization").get(pk=need_id)
    if new["solution"]:
        news.need_matches_solutions(need, Solution.objects.filter(pk__in=new["solution"]))
    if new["need"]:
        others = Need.objects.filter(pk__in=new["need"]).prefetch_related("co_buyers")
        news.similar_need_published(need, others)


# --- the reverse direction: a changed item enters the lists of the items it ranked ----------
#
# Each item the changed one ranked (up to MATCHING_REVERSE_K of each kind) has a list of its
# own: a solution's top k needs, a need's top k solutions or similar needs. Instead of ranking
# each of them again over all their candidates, their list's members and the changed item are
# scored from their side (IncrementalRanker.rescore: the same scoring, the lexical signal
# normalised by their best BM25); the changed item takes its place if it beats the list's
# weakest member, and the weakest engine suggestion then leaves the list (an advisor's
# decision never does). Only a list that lost a member (the withdraw path) is ranked again.


@dataclass(frozen=True)
class _Holder:
    """An item whose list of `kind` may take the changed item in."""

    item: MatchItem
    kind: ItemKind


def _list_rows(holders: Sequence[_Holder]) -> dict[str, list[Match]]:
    """The rows on each holder's list of its kind (the holder's side ranks them), one query
    for all; a rejected pair holds no place."""
    pks = {h.item.id: eng.split_item_id(h.item.id)[1] for h in holders}
    solutions = [pks[h.item.id] for h in holders if h.item.kind == "solution"]
    need_lists = {
        kind: [pks[h.item.id] for h in holders if h.item.kind == "need" and h.kind == kind]
        for kind in ("solution", "need")
    }
    rows = Match.objects.filter(
        Q(solution_id__in=solutions, by_target=True)
        | Q(need_id__in=need_lists["solution"], kind=Match.Kind.NEED_SOLUTION, by_need=True)
        | Q(need_id__in=need_lists["need"], kind=Match.Kind.NEED_NEED, by_need=True)
    ).exclude(state=Match.State.REJECTED)
    list_kind = {h.item.id: h.kind for h in holders}
    found: dict[str, list[Match]] = {h.item.id: [] for h in holders}
    for row in rows.order_by("pk"):
        for holder_id, kind in _lists_of(row):
            if list_kind.get(holder_id) == kind:
                found[holder_id].append(row)
    return found


def _lists_of(row: Match) -> tuple[tuple[str, ItemKind], ...]:
    """The lists a row is on, as (owner, the list's kind): the solution's list of needs
    (by_target), the need's list of solutions or of similar needs (by_need)."""
    if row.solution_id is not None:
        return (
            *(((f"solution:{row.solution_id}", "need"),) if row.by_target else ()),
            *(((f"need:{row.need_id}", "solution"),) if row.by_need else ()),
        )
    return ((f"need:{row.need_id}", "need"),) if row.by_need else ()


def _member_id(holder: _Holder, row: Match) -> str:
    if holder.item.kind == "solution":
        return f"need:{row.need_id}"
    other = row.solution_id if holder.kind == "solution" else row.other_need_id
    return f"{holder.kind}:{other}"


def _list_add(holder: _Holder, scored: ScoredMatch, model_id: str) -> bool:
    """Put the pair on the holder's list (scored from the holder's side); False for a
    rejected pair."""
    kind, pk = eng.split_item_id(holder.item.id)
    other = eng.split_item_id(scored.target_id)[1]
    if kind == "solution":
        return _upsert(
            need_id=other,
            target=holder.item.id,
            scored=scored,
            model_id=model_id,
            by=BY_TARGET,
            from_target=True,
        )
    added = _upsert(need_id=pk, target=scored.target_id, scored=scored, model_id=model_id)
    if added and holder.kind == "need":
        _upsert(
            need_id=other,
            target=holder.item.id,
            scored=scored,
            model_id=model_id,
            by=BY_TARGET,
            from_target=True,
        )
    return added


def _list_evict(holder: _Holder, row: Match) -> None:
    """The row leaves the holder's list: its flag goes (and the other need's mirror flag);
    an engine suggestion no side ranks any more is removed."""
    kind, _ = eng.split_item_id(holder.item.id)
    flag = BY_TARGET if kind == "solution" else BY_NEED
    Match.objects.filter(pk=row.pk).update(**{flag: False})
    touched = Match.objects.filter(pk=row.pk)
    if row.other_need_id is not None:
        mirror = Match.objects.filter(need_id=row.other_need_id, other_need_id=row.need_id)
        mirror.update(by_target=False)
        touched = touched | mirror
    _prune(touched)


def _evictable(row: Match) -> bool:
    """An engine suggestion no advisor has decided on."""
    return row.state == Match.State.SUGGESTED and row.source == Match.Source.ENGINE


#: How often the reverse direction scores a list again that changed while it was scoring it
#: (another publish entered it) before that list is ranked again in full.
REVERSE_ATTEMPTS = 3


def _reverse_lists(
    ranker: IncrementalRanker, item: MatchItem, ranked: Mapping[ItemKind, Sequence[ScoredMatch]]
) -> None:
    """Insert if better: the changed item against the lists of the items it ranked.

    Scoring runs outside any transaction; the writes run under the lists' locks
    (`_lock_lists`) after reading each list again. A list that changed since it was scored
    (two items published at the same moment, both entering a list of k) is scored again
    with its new members, so that it never holds k + 1; after REVERSE_ATTEMPTS it is ranked
    again in full."""
    reverse_k, k = settings.MATCHING_REVERSE_K, settings.MATCHING_TOP_K
    forward = {m.target_id: m for kind_ranked in ranked.values() for m in kind_ranked[:reverse_k]}
    holders = [_Holder(other, item.kind) for other in eng.MatchedItems().items(list(forward))]
    model_id = ranker.encoder.model_id
    for _attempt in range(REVERSE_ATTEMPTS):
        if not holders:
            return
        rows = _list_rows(holders)
        scored = _rescore_lists(ranker, item, forward, holders, rows)
        with transaction.atomic():
            _lock_lists([item.id, *(h.item.id for h in holders)])
            now = _list_rows(holders)
            changed = [h for h in holders if _pks(now[h.item.id]) != _pks(rows[h.item.id])]
            for holder, found in zip(holders, scored, strict=True):
                if holder not in changed:
                    _insert_if_better(holder, found, now[holder.item.id], item.id, k, model_id)
        holders = changed
    for holder in holders:
        _rank_and_store(ranker, holder.item, (holder.kind,))


def _pks(rows: Sequence[Match]) -> set[int]:
    return {row.pk for row in rows}


def _rescore_lists(
    ranker: IncrementalRanker,
    item: MatchItem,
    forward: Mapping[str, ScoredMatch],
    holders: Sequence[_Holder],
    rows: Mapping[str, list[Match]],
) -> list[list[ScoredMatch]]:
    """Each holder's list members and the changed item, scored from the holder's side."""
    members = {h.item.id: [_member_id(h, row) for row in rows[h.item.id]] for h in holders}
    loaded = {
        i.id: i for i in eng.MatchedItems().items(list({m for ms in members.values() for m in ms}))
    }
    lists = [
        Rescore(
            source=h.item,
            targets=tuple(
                [loaded[m] for m in members[h.item.id] if m in loaded and m != item.id] + [item]
            ),
            newcomer=item.id,
            estimate=_lexical_value(forward[h.item.id]),
        )
        for h in holders
    ]
    return ranker.rescore(lists)


def _lexical_value(m: ScoredMatch) -> float:
    return next((s.value for s in m.explanation.signals if s.name == "lexical"), 0.0)


def _insert_if_better(
    holder: _Holder,
    scored: Sequence[ScoredMatch],
    rows: Sequence[Match],
    newcomer: str,
    k: int,
    model_id: str,
) -> None:
    """`scored`: the list's members and the newcomer, best first, from the holder's side.
    The newcomer joins when it is among the k best; the weakest engine suggestion then
    leaves if the list holds more than k."""
    place = next((n for n, m in enumerate(scored) if m.target_id == newcomer), None)
    if place is None or place >= k:
        return
    if not _list_add(holder, scored[place], model_id):
        return
    by_member = {_member_id(holder, row): row for row in rows}
    held = [m.target_id for m in scored if m.target_id != newcomer and m.target_id in by_member]
    if newcomer in by_member or len(held) + 1 <= k:
        return
    weakest = next((by_member[i] for i in reversed(held) if _evictable(by_member[i])), None)
    if weakest is not None:
        _list_evict(holder, weakest)


def _withdraw(entity: Entity, pk: int) -> list[str]:
    """An item that left matching (archived, closed, back to draft): its engine suggestions
    go, and the items whose lists held it are returned to be ranked again (their lists fill
    up). Advisors' decisions stay; the selectors hide them while a side is not published."""
    if entity == Entity.SOLUTION:
        rows = Match.objects.filter(solution_id=pk)
        affected = [
            f"need:{n}" for n in rows.filter(by_need=True).values_list("need_id", flat=True)
        ]
    else:
        rows = Match.objects.filter(Q(need_id=pk) | Q(other_need_id=pk))
        affected = [
            *(
                f"solution:{s}"
                for s in rows.filter(
                    need_id=pk, by_target=True, solution__isnull=False
                ).values_list("solution_id", flat=True)
            ),
            *(f"need:{n}" for n in rows.filter(other_need_id=pk).values_list("need_id", flat=True)),
        ]
    rows.filter(state=Match.State.SUGGESTED, source=Match.Source.ENGINE).delete()
    return list(dict.fromkeys(affected))


def _item_refresh(ranker: IncrementalRanker, entity: Entity, pk: int) -> None:
    """One changed item: its own lists, then the lists of the items it ranked (insert if
    better); an item that left matching leaves every list and the lists that held it are
    ranked again to fill the gap."""
    spec = ENTITIES[entity]
    row = spec.matched_rows().filter(pk=pk).first()
    if row is not None:
        item = spec.matching_item(row)
        _reverse_lists(ranker, item, _rank_and_store(ranker, item, announce=True))
        return
    kind: ItemKind = "solution" if entity == Entity.SOLUTION else "need"
    affected = _withdraw(entity, pk)[: settings.MATCHING_REVERSE_K * 2]
    for other in eng.MatchedItems().items(affected):
        _rank_and_store(ranker, other, (kind,))


def matches_recompute(*, entity: str, ids: list[int]) -> None:
    """Outbox handler: idempotent, so retries create no duplicates. Work grows with the
    changed items' candidates, not with the corpus (matching.incremental). An entity the
    registry does not match (a conference) has nothing to recompute."""
    spec = entity_spec(entity)
    if not spec.matched:
        return
    centring, stale = centring_load()
    if stale:
        centring_refresh_later()
    ranker = eng.ranker_build(centring)
    for pk in dict.fromkeys(ids):
        _item_refresh(ranker, spec.entity, pk)


def centring_refresh_later() -> None:
    """The means are refreshed by a task of their own on the matching queue."""
    from backend.matches.tasks import centring_refresh_task

    transaction.on_commit(lambda: centring_refresh_task.apply_async(retry=False))


def matches_recompute_for_needs(*, need_ids: Iterable[int]) -> None:
    matches_recompute(entity=Entity.NEED, ids=list(need_ids))


def matches_recompute_for_solutions(*, solution_ids: Iterable[int]) -> None:
    matches_recompute(entity=Entity.SOLUTION, ids=list(solution_ids))


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
    news.introduction(match)
    return match


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
    sides = [need, solution or other_need]
    if not all(side is not None and side.status == "published" for side in sides):
        # an open pair with a side outside matching is on no list (selectors.open_pair_live_q)
        raise ValidationError(_("Only published needs and solutions can be paired."))
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
    """Recompute every published item's pairs with one engine over the whole corpus
    (batched encoding and vector search), and store fresh centring means: for the demo
    data, an operator's full rebuild, and after a model change. Returns the number of needs."""
    needs, solutions = eng.published_needs(), eng.published_solutions()
    centring_refresh()
    if not needs:
        return 0
    engine = eng.engine_build(needs, solutions)
    k, model_id = settings.MATCHING_TOP_K, engine.encoder.model_id
    need_items = [eng.need_item(n) for n in needs]
    to_solutions = engine.rank_many(need_items, "solution", k)
    similar = engine.rank_many(need_items, "need", k)
    for_solutions = engine.rank_many([eng.solution_item(s) for s in solutions], "need", k)
    with transaction.atomic():
        for item in need_items:
            pk = eng.split_item_id(item.id)[1]
            _store_need_solutions(pk, to_solutions[item.id], model_id)
            _store_similar_needs(pk, similar[item.id], model_id)
        for solution_id, ranked in for_solutions.items():
            _store_solution_needs(eng.split_item_id(solution_id)[1], ranked, model_id)
    return len(needs)
