"""Writes of the notices app: the need's title and description in another language."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.needs.models import Need
from backend.notices.models import NoticeText


@transaction.atomic
def notice_text_set(
    *, user: User, need: Need, language: str, title: str, description: str
) -> NoticeText:
    """Write (or rewrite) the need's notice text in `language` (the caller checked the user
    edits the need). The need's own language is its own title and description."""
    if language == need.language:
        raise ValidationError(
            {"language": _("The need is written in this language already: choose another.")}
        )
    text, _created = NoticeText.objects.update_or_create(
        need=need,
        language=language,
        defaults={"title": title.strip(), "description": description.strip(), "written_by": user},
    )
    return text


@transaction.atomic
def notice_text_delete(*, need: Need, language: str) -> None:
    deleted, _rows = NoticeText.objects.filter(need=need, language=language).delete()
    if not deleted:
        raise Http404(_("The need has no notice text in this language."))
