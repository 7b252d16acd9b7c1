"""Small helpers shared by the API modules."""

from collections.abc import Iterable
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, permissions, serializers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from backend.accounts.models import User
from backend.common import exports


def auth_user(request: Request) -> User:
    """The signed-in user (services take a User, never an AnonymousUser)."""
    if not request.user.is_authenticated:
        raise exceptions.NotAuthenticated()
    user: User = request.user
    return user


@extend_schema(exclude=True)
class NotFoundApi(APIView):
    """Any /api/ path that names no endpoint (an id that is not a number, say): the same JSON
    404 as an object that does not exist, never Django's HTML page."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list[Any] = []

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        raise exceptions.NotFound()


def validated(
    serializer_class: type[serializers.Serializer[Any]],
    request: Request,
    *,
    partial: bool = False,
) -> dict[str, Any]:
    serializer = serializer_class(data=request.data, partial=partial, context={"request": request})
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


FILE_FORMAT_PARAMETER = OpenApiParameter(
    "file_format",
    str,
    enum=list(exports.FORMATS),
    required=False,
    description="csv (default; UTF-8 with BOM) or xlsx (Excel); `?format=` is read the same way",
)
EXPORT_RESPONSES = {
    (200, "text/csv"): OpenApiResponse(
        response=OpenApiTypes.STR, description="CSV (UTF-8 with a byte-order mark) or XLSX"
    ),
    (200, exports.XLSX_TYPE): OpenApiResponse(response=OpenApiTypes.BINARY),
}


class _FileNegotiation(DefaultContentNegotiation):
    """A download answers in its own file format: `?format=csv` names the file format (as
    people and tools write it), not one of the API's renderers (which would be a 404). Errors
    are JSON."""

    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        first = next(iter(renderers))
        return first, first.media_type


class ExportApi(APIView):
    """An endpoint that answers a CSV or XLSX file (export_format, export_response)."""

    content_negotiation_class = _FileNegotiation


def export_format(request: Request) -> str:
    """The export format asked for (?file_format=csv|xlsx, or ?format=), or a 400 in the
    user's language."""
    param = "file_format" if "file_format" in request.query_params else "format"
    chosen = request.query_params.get(param, "csv")
    if chosen not in exports.FORMATS:
        raise serializers.ValidationError(
            {param: [_("Choose one of: %(formats)s.") % {"formats": "csv, xlsx"}]}
        )
    return chosen


def export_response(table: exports.Table, *, filename: str, file_format: str) -> HttpResponse:
    """The table as a download: `filename` (without extension) in CSV or XLSX."""
    if file_format == "xlsx":
        response = HttpResponse(exports.table_xlsx(table), content_type=exports.XLSX_TYPE)
    else:
        response = HttpResponse(exports.table_csv(table), content_type=exports.CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
