"""Small helpers shared by the API modules."""

from typing import Any

from django.http import HttpResponse
from rest_framework import exceptions, serializers
from rest_framework.request import Request

from backend.accounts.models import User


def auth_user(request: Request) -> User:
    """The signed-in user (services take a User, never an AnonymousUser)."""
    if not request.user.is_authenticated:
        raise exceptions.NotAuthenticated()
    user: User = request.user
    return user


def validated(
    serializer_class: type[serializers.Serializer[Any]],
    request: Request,
    *,
    partial: bool = False,
) -> dict[str, Any]:
    serializer = serializer_class(data=request.data, partial=partial, context={"request": request})
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def csv_response(content: str, filename: str) -> HttpResponse:
    response = HttpResponse("\ufeff" + content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
