"""Base model: timestamps and a version counter that grows with every change."""

from django.db import models


class BaseModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(BaseModel):
    """A row that derived stores (search index, matches) are built from.

    `version` grows by one on every saved change, so an index entry built from an
    older version can be recognised and replaced, never the other way round.
    """

    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True
