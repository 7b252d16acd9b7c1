"""The advisor's desk, writes: shortlist or reject many suggestions at once.

All or nothing: the rows are locked, every id is checked first (it names a match the
advisor sees, and one in a state the action applies to), and only when every one passes
are they all decided, in one transaction, with one audit event each, as the one-at-a-time
actions record them. A refusal names each item that failed and changes nothing.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.accounts.models import User
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log_many
from backend.common.access import check_advisor
from backend.matches.models import Match
from backend.matches.selectors import match_list

#: At most one page of the desk at a time.
BULK_MAX_ITEMS = 100


class BulkAction(models.TextChoices):
    SHORTLIST = "shortlist", gettext_lazy("Shortlist")
    REJECT = "reject", gettext_lazy("Reject")


#: The states each action applies to.
_FROM_STATES: dict[str, tuple[str, ...]] = {
    BulkAction.SHORTLIST: (Match.State.SUGGESTED,),
    BulkAction.REJECT: (Match.State.SUGGESTED, Match.State.SHORTLISTED),
}
_TO_STATE: dict[str, str] = {
    BulkAction.SHORTLIST: Match.State.SHORTLISTED,
    BulkAction.REJECT: Match.State.REJECTED,
}
_AUDIT: dict[str, str] = {
    BulkAction.SHORTLIST: AuditEvent.Action.SHORTLISTED,
    BulkAction.REJECT: AuditEvent.Action.REJECTED,
}


@dataclass(frozen=True)
class BulkOutcome:
    """One item's answer: its state now, and for two needs the same pair seen from the other
    buyer's side, rejected with it."""

    match_id: int
    state: str
    also_rejected: tuple[int, ...] = ()


def _pair_name(match: Match) -> str:
    other = match.solution or match.other_need
    return f"«{match.need.title}» ↔ «{other.title if other else ''}»"


def _check_ids(ids: Sequence[int]) -> None:
    if not ids:
        raise ValidationError({"ids": [_("Select at least one suggestion.")]})
    if len(ids) > BULK_MAX_ITEMS:
        raise ValidationError(
            {"ids": [_("Select at most %(max)s suggestions at a time.") % {"max": BULK_MAX_ITEMS}]}
        )
    twice = sorted(i for i, n in Counter(ids).items() if n > 1)
    if twice:
        raise ValidationError(
            {
                "ids": [
                    _("Each suggestion only once: %(ids)s.") % {"ids": ", ".join(map(str, twice))}
                ]
            }
        )


def _refusal(action: str, match: Match | None, match_id: int) -> str | None:
    """Why the action cannot apply to the item, or None."""
    if match is None:
        return _(
            "Suggestion %(id)s does not exist (the engine may have replaced it): "
            "reload the desk and select again."
        ) % {"id": match_id}
    if match.state in _FROM_STATES[action]:
        return None
    state = match.get_state_display().lower()
    if action == BulkAction.SHORTLIST:
        return _("%(pair)s is %(state)s: only suggested pairs go on the shortlist.") % {
            "pair": _pair_name(match),
            "state": state,
        }
    return _("%(pair)s is %(state)s: only suggested and shortlisted pairs can be rejected.") % {
        "pair": _pair_name(match),
        "state": state,
    }


def _locked(*, user: User, ids: Sequence[int]) -> dict[int, Match]:
    """The matches the advisor sees among `ids`, locked until the transaction ends."""
    list(Match.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))
    return {m.pk: m for m in match_list(user=user).filter(pk__in=ids)}


def _mirrors(rows: Sequence[Match]) -> dict[int, list[int]]:
    """For each need↔need row, the same two needs the other way round (rejected with it)."""
    pairs = [(m.need_id, m.other_need_id) for m in rows if m.other_need_id is not None]
    if not pairs:
        return {}
    q = Q(pk__in=[])
    for need_id, other_id in pairs:
        q |= Q(need_id=other_id, other_need_id=need_id)
    found = (
        Match.objects.select_for_update().filter(q).values_list("pk", "need_id", "other_need_id")
    )
    by_pair = {(other, need): pk for pk, need, other in found}
    return {
        m.pk: [by_pair[key]]
        for m in rows
        if (key := (m.need_id, m.other_need_id or 0)) in by_pair and by_pair[key] != m.pk
    }


@transaction.atomic
def matches_bulk_decide(
    *, user: User, ids: Sequence[int], action: str, reason: str = ""
) -> list[BulkOutcome]:
    """Shortlist or reject every match of `ids`, or none of them (a ValidationError names
    each item that cannot be decided)."""
    check_advisor(user=user)
    if action not in BulkAction.values:
        raise ValidationError({"action": [_("Choose shortlist or reject.")]})
    if action == BulkAction.REJECT and not reason.strip():
        raise ValidationError({"reason": [_("Give a reason for the rejection.")]})
    _check_ids(ids)
    found = _locked(user=user, ids=ids)
    refusals = [r for i in ids if (r := _refusal(action, found.get(i), i)) is not None]
    if refusals:
        raise ValidationError({"ids": refusals})
    rows = [found[i] for i in ids]
    mirrors = _mirrors(rows) if action == BulkAction.REJECT else {}
    _apply(user=user, action=action, rows=rows, mirrors=mirrors, reason=reason.strip())
    return [
        BulkOutcome(
            match_id=m.pk, state=_TO_STATE[action], also_rejected=tuple(mirrors.get(m.pk, []))
        )
        for m in rows
    ]


def _apply(
    *, user: User, action: str, rows: Sequence[Match], mirrors: dict[int, list[int]], reason: str
) -> None:
    """One update for every row (and the mirrors of rejected need↔need pairs), one audit
    event each with the data the one-at-a-time actions record."""
    state, now = _TO_STATE[action], timezone.now()
    pks = {m.pk for m in rows} | {pk for found in mirrors.values() for pk in found}
    extra = {"rejection_reason": reason} if action == BulkAction.REJECT else {}
    changed = Match.objects.filter(pk__in=pks).exclude(state=state)
    targets = list(changed.only("pk"))
    changed.update(state=state, decided_by=user, decided_at=now, updated_at=now, **extra)
    audit_log_many(actor=user, action=_AUDIT[action], objs=targets, data={"state": state, **extra})
