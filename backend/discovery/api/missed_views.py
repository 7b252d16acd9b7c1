from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions

from backend.common.access import check_advisor
from backend.discovery.api.missed_serializers import MissedSearchOutput, MissedSearchParams
from backend.discovery.missed.selectors import missed_search_list
from backend.discovery.models import MissedSearch


@extend_schema(
    parameters=[MissedSearchParams],
    summary="What people searched for and did not find (advisors)",
)
class MissedSearchListApi(generics.ListAPIView[MissedSearch]):
    """Searches with few hits, most frequent first, without anything personal."""

    queryset = MissedSearch.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = MissedSearchOutput
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[MissedSearch, dict[str, Any]]:  # type: ignore[override]
        check_advisor(user=self.request.user)
        params = MissedSearchParams(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return missed_search_list(days=params.validated_data["days"])
