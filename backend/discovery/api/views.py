from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.api import auth_user
from backend.common.exceptions import ServiceUnavailable
from backend.common.throttling import AnonSearchThrottle, AnonSemanticSearchThrottle
from backend.discovery import selectors, services
from backend.discovery.api import serializers as s
from backend.discovery.missed.services import missed_search_later
from backend.discovery.models import SavedSearch
from backend.outbox.entities import Entity
from search.backends.base import InvalidSearchRequest, SearchUnavailable
from search.types import DEFAULT_FACETS, FILTER_KEYS, KINDS, SearchRequest

_FILTER_PARAMS = [
    OpenApiParameter(
        k, OpenApiTypes.STR, many=True, required=False, description=f"Filter on {k} (repeatable)"
    )
    for k in FILTER_KEYS
    if k != "kind"
]


def _search_request(request: Request) -> SearchRequest:
    params = s.SearchParams(
        data={
            "q": request.query_params.get("q", ""),
            "type": request.query_params.getlist("type"),
            "sort": request.query_params.get("sort", "relevance"),
            "page": request.query_params.get("page", 1),
            "page_size": request.query_params.get("page_size", 20),
            "semantic": request.query_params.get("semantic"),
            "facet": request.query_params.getlist("facet"),
        }
    )
    params.is_valid(raise_exception=True)
    data = params.validated_data
    filters = {
        k: tuple(request.query_params.getlist(k))
        for k in FILTER_KEYS
        if k != "kind" and request.query_params.getlist(k)
    }
    return SearchRequest(
        text=data["q"],
        kinds=tuple(sorted(data.get("type") or ())),
        filters=filters,
        sort=data["sort"],
        page=data["page"],
        page_size=data["page_size"],
        semantic=settings.SEARCH_SEMANTIC_DEFAULT if data["semantic"] is None else data["semantic"],
        facets=tuple(k for k in FILTER_KEYS if k in (data.get("facet") or DEFAULT_FACETS)),
    )


def _unavailable() -> ServiceUnavailable:
    return ServiceUnavailable(
        _(
            "Search is temporarily unavailable. Your changes are saved and "
            "will be searchable again shortly; please try again in a minute."
        )
    )


class SearchApi(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [AnonSearchThrottle, AnonSemanticSearchThrottle]

    @extend_schema(
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, required=False),
            OpenApiParameter(
                "type",
                OpenApiTypes.STR,
                many=True,
                required=False,
                enum=Entity.values(),
            ),
            OpenApiParameter(
                "sort", OpenApiTypes.STR, required=False, enum=["relevance", "newest", "deadline"]
            ),
            OpenApiParameter("page", OpenApiTypes.INT, required=False),
            OpenApiParameter("page_size", OpenApiTypes.INT, required=False),
            OpenApiParameter(
                "semantic",
                OpenApiTypes.BOOL,
                required=False,
                description="Hybrid search: word matches and results of similar meaning, "
                "fused. Absent: the site's default mode.",
            ),
            OpenApiParameter(
                "facet",
                OpenApiTypes.STR,
                many=True,
                required=False,
                enum=list(FILTER_KEYS),
                description="Facets to count (repeatable); absent: " + ", ".join(DEFAULT_FACETS),
            ),
            *_FILTER_PARAMS,
        ],
        responses={200: s.SearchOutput, 503: OpenApiTypes.OBJECT},
        summary="Search published needs, solutions and dialogue conferences",
    )
    def get(self, request: Request) -> Response:
        search_request = _search_request(request)
        try:
            result = selectors.search_run(request=search_request)
        except InvalidSearchRequest as exc:
            raise exceptions.ValidationError({"non_field_errors": [str(exc)]}) from exc
        except SearchUnavailable as exc:
            raise _unavailable() from exc
        missed_search_later(request=search_request, response=result)
        # As SearchOutput renders it (the schema), built without running the serializer.
        return Response(selectors.search_payload(result))


class AutocompleteApi(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR),
            OpenApiParameter("type", OpenApiTypes.STR, many=True, required=False),
        ],
        responses=s.AutocompleteOutput,
        summary="Suggestions as you type",
    )
    def get(self, request: Request) -> Response:
        prefix = request.query_params.get("q", "").strip()[:100]
        kinds = tuple(k for k in KINDS if k in request.query_params.getlist("type"))
        if not prefix:
            return Response({"suggestions": []})
        try:
            suggestions = services.search_backend().autocomplete(prefix, kinds)
        except SearchUnavailable as exc:
            raise _unavailable() from exc
        return Response({"suggestions": suggestions})


class SavedSearchListApi(generics.ListAPIView[SavedSearch]):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.SavedSearchOutput
    ordering_fields = ["name", "created_at"]
    filterset_fields = ["alert_frequency"]

    def get_queryset(self) -> QuerySet[SavedSearch]:
        return selectors.saved_search_list(user=self.request.user)

    @extend_schema(
        request=s.SavedSearchInput,
        responses={201: s.SavedSearchOutput},
        summary="Save a search, with an optional e-mail alert",
    )
    def post(self, request: Request) -> Response:
        serializer = s.SavedSearchInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        saved = services.saved_search_create(
            user=auth_user(request),
            data=dict(serializer.validated_data),
        )
        return Response(s.SavedSearchOutput(saved).data, status=status.HTTP_201_CREATED)


class SavedSearchDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def _get(self, request: Request, pk: int) -> SavedSearch:
        return get_object_or_404(selectors.saved_search_list(user=request.user), pk=pk)

    @extend_schema(responses=s.SavedSearchOutput)
    def get(self, request: Request, pk: int) -> Response:
        return Response(s.SavedSearchOutput(self._get(request, pk)).data)

    @extend_schema(request=s.SavedSearchInput, responses=s.SavedSearchOutput)
    def patch(self, request: Request, pk: int) -> Response:
        serializer = s.SavedSearchInput(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        saved = services.saved_search_update(
            saved=self._get(request, pk), data=dict(serializer.validated_data)
        )
        return Response(s.SavedSearchOutput(saved).data)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request, pk: int) -> Any:
        services.saved_search_delete(saved=self._get(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)
