from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from backend.identity import services
from backend.identity.models import ExternalIdentity


@admin.register(ExternalIdentity)
class ExternalIdentityAdmin(admin.ModelAdmin[ExternalIdentity]):
    """Operators may look up and remove a link (the person can then link again), never forge one."""

    list_display = ["user", "issuer", "subject", "created_at", "last_login_at"]
    list_filter = ["issuer"]
    search_fields = ["user__email", "subject"]
    readonly_fields = ["user", "issuer", "subject", "created_at", "last_login_at"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: ExternalIdentity) -> None:
        services.identity_unlink(actor=request.user, identity=obj)  # type: ignore[arg-type]

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ExternalIdentity]) -> None:
        for identity in queryset:
            services.identity_unlink(actor=request.user, identity=identity)  # type: ignore[arg-type]
