"""OpenAPI: the error answers of every operation, documented once from what it accepts.

drf-spectacular documents only the success answer of an operation; the API also answers
400 (bad input), 403 (not allowed), 404 (no such row, or one the user may not see), 413 (body
too large) and 429 (throttled), each with the body the exception handler gives. A client (and
the schema-driven fuzzing in tests/backend/test_fuzz_api.py) may rely on these.
"""

from typing import Any

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.plumbing import ComponentRegistry, ResolvedComponent
from rest_framework import permissions


def _component(name: str, kind: str, schema: dict[str, Any]) -> ResolvedComponent:
    return ResolvedComponent(name=name, type=kind, object=name, schema=schema)  # type: ignore[no-untyped-call]


ERROR = _component(
    "Error",
    ResolvedComponent.SCHEMA,
    {
        "type": "object",
        "description": "Why the request was refused, in the user's language.",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
)
VALIDATION_ERROR = _component(
    "ValidationError",
    ResolvedComponent.SCHEMA,
    {
        "type": "object",
        "description": "Messages by input field: a list of messages, or for a nested input "
        "its own messages by field or position. `non_field_errors` concerns the input as a "
        "whole; `detail` says why the request could not be read at all.",
        "properties": {
            "detail": {"type": "string"},
            "non_field_errors": {"type": "array", "items": {"type": "string"}},
        },
        "additionalProperties": {},
    },
)


def _response(name: str, description: str, schema: ResolvedComponent) -> ResolvedComponent:
    return _component(
        name,
        ResolvedComponent.RESPONSE,
        {"description": description, "content": {"application/json": {"schema": schema.ref}}},
    )


RESPONSES = {
    "400": _response("BadRequest", "Bad input: nothing was changed.", VALIDATION_ERROR),
    "403": _response(
        "Forbidden",
        "Not allowed: not signed in, not a member, or the CSRF check failed.",
        ERROR,
    ),
    "404": _response("NotFound", "No such object, or one you may not see.", ERROR),
    "413": _response("PayloadTooLarge", "The request body is too large.", ERROR),
    "429": _response("TooManyRequests", "Too many requests: wait and try again.", ERROR),
}


class AutoSchema(SpectacularAutoSchema):
    """drf-spectacular's AutoSchema plus the error answers an operation can give."""

    def get_operation(
        self,
        path: str,
        path_regex: str,
        path_prefix: str,
        method: str,
        registry: ComponentRegistry,
    ) -> dict[str, Any] | None:
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        for code in self._error_codes(operation):
            response = RESPONSES[code]
            self.registry.register_on_missing(ERROR if code != "400" else VALIDATION_ERROR)
            self.registry.register_on_missing(response)
            operation["responses"].setdefault(code, response.ref)
        return operation

    def _error_codes(self, operation: dict[str, Any]) -> list[str]:
        located = {p.get("in") for p in operation.get("parameters", [])}
        has_body = "requestBody" in operation or self.method in ("POST", "PUT", "PATCH")
        codes = []
        if has_body or "query" in located or self.method == "DELETE":
            codes.append("400")
        if self.method not in permissions.SAFE_METHODS or not self._allows_anonymous():
            codes.append("403")
        if "path" in located or "query" in located:  # a missing row, or a page past the end
            codes.append("404")
        if has_body:
            codes.append("413")
        if self.view.throttle_classes:
            codes.append("429")
        return codes

    def _allows_anonymous(self) -> bool:
        public = (permissions.AllowAny, permissions.IsAuthenticatedOrReadOnly)
        return all(
            isinstance(p, type) and issubclass(p, public) for p in self.view.permission_classes
        )
