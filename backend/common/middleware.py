"""Refuse an API request whose declared body is larger than the server reads, before any
view (or parser) touches it: a 413 in the user's language instead of a read and a 500."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from backend.common.parsers import too_large_message


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestSizeLimitMiddleware:
    """After LocaleMiddleware (the message is in the user's language)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit: int | None = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if (
            limit is not None
            and request.path.startswith("/api/")
            and _declared_length(request) > limit
        ):
            return JsonResponse({"detail": too_large_message(limit)}, status=413)
        return self.get_response(request)
