from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.common.models import BaseModel
from backend.needs.models import Need
from backend.reference.vocabularies import language_choices


class NoticeText(BaseModel):
    """The need's title and description in another language than its own, written by its
    buyer for the notices (a Doffin notice in Norwegian and English, an OCDS release with
    title_en). A notice has a second language only when the need has such a text."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="notice_texts")
    language = models.CharField(_("language"), max_length=2, choices=language_choices())
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=10_000)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["need", "language"], name="one_notice_text_a_language")
        ]

    def __str__(self) -> str:
        return f"{self.need} ({self.language})"
