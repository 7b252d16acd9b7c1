"""Who reads a need's notices: its buyer and advisors the eForms PIN, anyone who sees the
need its OCDS release. A draft is announced to nobody (409 for those who see it, 404 for
everyone else, as for any hidden need)."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied

from backend.common.exceptions import Conflict
from backend.common.types import AnyUser
from backend.needs.models import Need
from backend.needs.selectors import need_get, user_edits_need
from backend.notices.content import DialogueNotice, dialogue_notice
from backend.notices.models import NoticeText


def _announceable(need: Need) -> None:
    if need.status == Need.Status.DRAFT:
        raise Conflict(
            _("A draft is not announced: publish the need first, then download its notice.")
        )


def notice_for_buyer(*, user: AnyUser, need_id: int) -> DialogueNotice:
    """The content of the need's PIN for its buyer or an advisor."""
    need = need_get(user=user, need_id=need_id)
    if not user_edits_need(user=user, need=need):
        raise PermissionDenied(
            _("Only the need's buyer and advisors download its prior information notice.")
        )
    _announceable(need)
    if not need.cpv_codes:
        raise Conflict(_("A notice needs at least one CPV code: add the need's CPV codes first."))
    return dialogue_notice(need)


def notice_for_anyone(*, user: AnyUser, need_id: int) -> DialogueNotice:
    """The content of the need's OCDS release for anyone who may see the need."""
    need = need_get(user=user, need_id=need_id)
    _announceable(need)
    return dialogue_notice(need)


def notice_texts(*, user: AnyUser, need_id: int) -> tuple[Need, list[NoticeText]]:
    """The texts in other languages of a need its reader edits (buyer, advisor)."""
    need = need_get(user=user, need_id=need_id)
    if not user_edits_need(user=user, need=need):
        raise PermissionDenied(_("Only the need's buyer and advisors edit its notice texts."))
    return need, list(NoticeText.objects.filter(need=need).order_by("language"))
