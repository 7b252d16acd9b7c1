"""One path for every write, the Django admin included.

An edit in the admin that affects derived data (the search index, matches, what others are
told) goes through the same service as the API, so it is checked, audit-logged and leaves an
outbox entry in the same transaction. `status` is never a form field: it changes only through
admin actions that call the services (publish, close, back to draft, archive). Rows are
created in the application, where the services know who acts for which organisation.
A refusal by a service is shown to the operator as a message; nothing is saved.
"""

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from backend.accounts.models import User
from backend.common.admin import ScopedAdmin

M = TypeVar("M", bound=models.Model)

#: A service that changes one row: `service(user=..., <row name>=row)`.
RowService = Callable[..., Any]


def refusal(exc: ValidationError | PermissionDenied) -> str:
    """A service's refusal as one line for an admin message."""
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc) or _("You may not do this.")


def changes(stored: models.Model, form: Any, editable: tuple[str, ...]) -> dict[str, Any]:
    """The editable fields whose submitted value differs from the stored row."""
    found = {}
    for name in form.changed_data:
        if name not in editable:
            continue
        value, field = form.cleaned_data[name], stored._meta.get_field(name)
        if field.many_to_many:
            current = set(getattr(stored, name).values_list("pk", flat=True))
            if current != {v.pk for v in value}:
                found[name] = value
        elif getattr(stored, name) != value:
            found[name] = value
    return found


class RefusalMessageMixin(admin.ModelAdmin[M]):
    """A service's refusal of an admin edit becomes an error message on the same form."""

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (ValidationError, PermissionDenied) as exc:
            if request.method != "POST":
                raise
            # The admin's transaction is rolled back: nothing of the edit is saved.
            self.message_user(request, refusal(exc), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


class ServiceAdmin(RefusalMessageMixin[M], ScopedAdmin[M]):
    #: Fields an operator may edit; saved through `update`. Every other field is read-only.
    editable: ClassVar[tuple[str, ...]] = ()
    #: The keyword under which the row is passed to the services ("need", "solution", …).
    row_name: ClassVar[str] = ""

    def update(self, request: HttpRequest, row: M, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: M | None = None) -> list[Any]:
        opts = self.model._meta
        fixed = [
            f.name
            for f in [*opts.concrete_fields, *opts.many_to_many]
            if f.name not in self.editable and f.name != "id"
        ]
        extra = [name for name in super().get_readonly_fields(request, obj) if name not in fixed]
        return self._hide(request, [*fixed, *extra])

    def save_model(self, request: HttpRequest, obj: M, form: Any, change: bool) -> None:
        # The form has already copied its values onto `obj`: compare against the stored row.
        stored = self.model._default_manager.get(pk=obj.pk)
        data = changes(stored, form, self.editable)
        if data:
            self.update(request, stored, data)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """Many-to-many fields were saved by the service; only inlines are left."""
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def run_service(
        self, request: HttpRequest, queryset: QuerySet[M], service: RowService, done: StrOrPromise
    ) -> None:
        """Call `service` for each selected row; report what was done and what was refused."""
        user: User = request.user  # type: ignore[assignment]
        count = 0
        for row in queryset:
            try:
                service(user=user, **{self.row_name: row})
            except (ValidationError, PermissionDenied) as exc:
                self.message_user(request, f"{row}: {refusal(exc)}", messages.ERROR)
            else:
                count += 1
        if count:
            self.message_user(request, done % {"count": count}, messages.SUCCESS)


def service_action(
    service: RowService, *, description: StrOrPromise, done: StrOrPromise
) -> Callable[[Any, HttpRequest, QuerySet[Any]], None]:
    """An admin action that runs `service` for each selected row."""

    @admin.action(description=description)
    def action(modeladmin: Any, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        modeladmin.run_service(request, queryset, service, done)

    action.__name__ = service.__name__
    return action
