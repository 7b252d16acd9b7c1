"""Query-parameter filters that take ids of rows the user may not see."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import HttpRequest


def visible_to(
    scope: Callable[..., QuerySet[Any]],
) -> Callable[[HttpRequest | None], QuerySet[Any]]:
    """The `queryset` of a ModelChoiceFilter: the rows `scope(user=...)` lets the requesting
    user see. A hidden id is then refused exactly like an id that does not exist, so a filter
    never reveals that a hidden row exists."""

    def queryset(request: HttpRequest | None) -> QuerySet[Any]:
        return scope(user=getattr(request, "user", None) or AnonymousUser())

    return queryset
