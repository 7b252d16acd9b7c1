"""Small helpers shared by the API modules."""

from typing import Any

from django.http import HttpResponse
from rest_framework import serializers
from rest_framework.request import Request


def inline_serializer(
    *, name: str, fields: dict[str, serializers.Field]
) -> type[serializers.Serializer]:  # type: ignore[type-arg]
    return type(name, (serializers.Serializer,), fields)


def validated(
    serializer_class: type[serializers.Serializer],
    request: Request,  # type: ignore[type-arg]
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
