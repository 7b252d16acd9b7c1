"""The Django admin obeys the visibility rules too.

Superusers and advisors see everything, as the rules allow them. Any other staff member,
whatever model permissions they were given, sees in each change list, change form, search,
history, select box and autocomplete only the rows the API's selectors give them, and none of
the fields that say who booked, who asked or who took part. A hidden row's page answers as
for a row that does not exist.
"""

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, TypeVar

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from backend.accounts.selectors import user_is_advisor

M = TypeVar("M", bound=models.Model)
P = TypeVar("P", bound=models.Model)

#: A selector taking `user=`: what that user may see.
Visible = Callable[..., QuerySet[Any]]


def sees_everything(request: HttpRequest) -> bool:
    return user_is_advisor(request.user)


def _scoped_related(admin_site: admin.AdminSite, db_field: Any, request: HttpRequest) -> Any:
    """The rows of a related model's select box the user may see (its admin's queryset)."""
    related = admin_site._registry.get(db_field.remote_field.model)
    if isinstance(related, ScopedAdmin) and not sees_everything(request):
        return related.get_queryset(request)
    return None


class _AdvisorFields:
    """Fields shown to advisors only (leaving them out of forms, lists and read-only views)."""

    advisor_fields: tuple[str, ...] = ()

    def _hide(self, request: HttpRequest, names: Sequence[Any]) -> list[Any]:
        if sees_everything(request):
            return list(names)
        return [n for n in names if n not in self.advisor_fields]


class ScopedAdmin(_AdvisorFields, admin.ModelAdmin[M]):
    #: What a non-advisor may see (a selector, read from the class so it is not bound as a
    #: method); None: nothing.
    visible: ClassVar[Visible | None] = None

    def get_queryset(self, request: HttpRequest) -> QuerySet[M]:
        qs = super().get_queryset(request)
        if sees_everything(request):
            return qs
        visible = type(self).visible
        if visible is None:
            return qs.none()
        return qs.filter(pk__in=visible(user=request.user).values("pk"))

    def get_fields(self, request: HttpRequest, obj: M | None = None) -> list[Any]:
        return self._hide(request, super().get_fields(request, obj))

    def get_readonly_fields(self, request: HttpRequest, obj: M | None = None) -> list[Any]:
        return self._hide(request, super().get_readonly_fields(request, obj))

    def get_list_display(self, request: HttpRequest) -> list[Any]:
        return self._hide(request, super().get_list_display(request))

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        queryset = _scoped_related(self.admin_site, db_field, request)
        if queryset is not None:
            kwargs.setdefault("queryset", queryset)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        queryset = _scoped_related(self.admin_site, db_field, request)
        if queryset is not None:
            kwargs.setdefault("queryset", queryset)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ReadOnlyScopedAdmin(ScopedAdmin[M]):
    """Rows the people involved decide through the API (audited, with notifications): an
    operator looks (support, the advisors' follow-up), never adds, edits or deletes."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # The change page is the admin's view-only page (no form, no save buttons).
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyTabularInline(admin.TabularInline[M, P]):
    """Rows shown with their parent, changed only through the parent's services: none added,
    edited or deleted here. Subclasses name `model` and `fields`."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        return list(self.fields or ())

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ScopedTabularInline(_AdvisorFields, admin.TabularInline[M, P]):
    """An inline whose `advisor_fields` only advisors see."""

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        return self._hide(request, super().get_fields(request, obj))

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        return self._hide(request, super().get_readonly_fields(request, obj))
