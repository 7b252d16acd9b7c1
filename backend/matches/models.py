from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.common.models import BaseModel
from backend.needs.models import Need
from backend.solutions.models import Solution


class Match(BaseModel):
    """A suggested pair: need ↔ solution, or need ↔ need (joint-procurement suggestion)."""

    class Kind(models.TextChoices):
        NEED_SOLUTION = "need_solution", _("Need ↔ solution")
        NEED_NEED = "need_need", _("Need ↔ need")

    class State(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        INTRODUCED = "introduced", _("Introduced")
        REJECTED = "rejected", _("Rejected")

    class Source(models.TextChoices):
        ENGINE = "engine", _("Matching engine")
        MANUAL = "manual", _("Advisor")

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NEED_SOLUTION)
    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="matches")
    solution = models.ForeignKey(
        Solution, null=True, blank=True, on_delete=models.CASCADE, related_name="matches"
    )
    other_need = models.ForeignKey(
        Need, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField(default=0.0)
    #: The topical part of the score (matching.scoring.relevance: dense, lexical, CPV and
    #: sector; not region and TRL). Buyers and suppliers see an engine suggestion only from
    #: MATCHING_RELEVANCE_FLOOR up; it also gives the fit shown in words.
    relevance = models.FloatField(default=0.0)
    signals = models.JSONField(default=list, blank=True)
    shared_terms = models.JSONField(default=list, blank=True)
    best_pair = models.JSONField(default=list, blank=True)
    model_id = models.CharField(max_length=200, blank=True)
    state = models.CharField(
        max_length=12, choices=State.choices, default=State.SUGGESTED, db_index=True
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.ENGINE)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True, max_length=2000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: The engine put the pair in the need's own top k (its suggestion list).
    by_need = models.BooleanField(default=True)
    #: The engine put the pair in the other side's top k (the solution's, or the other need's).
    by_target = models.BooleanField(default=False)

    class Meta:
        ordering = ["-score", "id"]
        # The advisor's desk reads one kind in a few states, best or newest first
        # (backend/matches/desk_selectors.py): a page walks an index instead of sorting.
        indexes = [
            models.Index(fields=["kind", "state", "-score", "id"], name="match_desk_score"),
            models.Index(fields=["kind", "state", "-created_at", "-id"], name="match_desk_newest"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["need", "solution"],
                condition=Q(solution__isnull=False),
                name="unique_need_solution_match",
            ),
            models.UniqueConstraint(
                fields=["need", "other_need"],
                condition=Q(other_need__isnull=False),
                name="unique_need_need_match",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.need_id} ↔ {self.solution_id or self.other_need_id} ({self.state})"


class MatchNote(BaseModel):
    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("note"), max_length=5000)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:50]


class Embedding(models.Model):
    """An entity's embedding under one model, with the hash of the text it was built from."""

    entity = models.CharField(max_length=20)
    entity_id = models.BigIntegerField()
    model_id = models.CharField(max_length=200)
    content_hash = models.CharField(max_length=64)
    dims = models.PositiveIntegerField()
    vector = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["entity", "entity_id", "model_id"], name="unique_embedding"
            )
        ]

    def __str__(self) -> str:
        return f"{self.entity}:{self.entity_id} [{self.model_id}]"


class SentenceEmbedding(models.Model):
    """A sentence's vector under one model, for the best-matching sentence pair of an
    explanation. Keyed by the sentence's SHA-256, so a changed text only encodes its new
    sentences."""

    model_id = models.CharField(max_length=200)
    sha = models.CharField(max_length=64)
    vector = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model_id", "sha"], name="unique_sentence_embedding")
        ]

    def __str__(self) -> str:
        return f"{self.sha[:12]} [{self.model_id}]"


class CentringMean(models.Model):
    """A language's mean embedding over the matched corpus under one model (``language`` ""
    is the global mean): the language centring the incremental ranker applies, refreshed
    in the background (backend.matches.centring)."""

    model_id = models.CharField(max_length=200)
    language = models.CharField(max_length=8, blank=True)
    items = models.PositiveIntegerField()
    vector = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model_id", "language"], name="unique_centring_mean")
        ]

    def __str__(self) -> str:
        return f"{self.language or '*'} [{self.model_id}] ({self.items})"
