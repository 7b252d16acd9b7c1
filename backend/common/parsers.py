"""The API reads JSON only, and refuses a body that is too large, not JSON, or nested too
deeply with a 400/413 in the user's language (never a 500)."""

import json
from collections.abc import Mapping
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, parsers, status

from backend.common import limits


def too_large_message(limit: int) -> str:
    return _(
        "The request is too large: at most %(size)d kB is accepted. Shorten the text and try again."
    ) % {"size": limit // 1024}


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request is too large.")
    default_code = "request_too_large"


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _too_deep(value: Any, limit: int) -> bool:
    """Whether objects and lists nest deeper than `limit` (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if not isinstance(item, dict | list):
            continue
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children)
    return False


def json_load(raw: bytes, *, encoding: str = "utf-8") -> Any:
    """Parse a JSON body, or raise ParseError with a message people can act on."""
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise exceptions.ParseError(_("The request must be JSON encoded as UTF-8.")) from exc
    too_deep = exceptions.ParseError(
        _("The JSON is nested too deeply (at most %(depth)d levels).")
        % {"depth": limits.JSON_DEPTH}
    )
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise exceptions.ParseError(
            _("The request is not valid JSON (line %(line)d, column %(column)d).")
            % {"line": exc.lineno, "column": exc.colno}
        ) from exc
    except RecursionError as exc:
        raise too_deep from exc
    except ValueError as exc:
        raise exceptions.ParseError(_("The request is not valid JSON.")) from exc
    if _too_deep(data, limits.JSON_DEPTH):
        raise too_deep
    return data


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser reads the stream without Django's size limit: this one reads at
    most DATA_UPLOAD_MAX_MEMORY_SIZE bytes, and refuses JSON nested too deeply to handle."""

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        limit: int = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise RequestTooLarge(too_large_message(limit))
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        return json_load(raw, encoding=encoding)
