from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.reference.cpv import cpv_search
from backend.reference.vocabularies import COUNTIES, LANGUAGES, PROCEDURES, SECTORS, STAGES, Term


class TermOutput(serializers.Serializer):  # type: ignore[type-arg]
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]


def _terms(terms: tuple[Term, ...]) -> list[dict[str, str]]:
    return [{"code": t.code, "label": t.label} for t in terms]


class _VocabularyApi(APIView):
    permission_classes = [permissions.AllowAny]
    terms: tuple[Term, ...] = ()

    @extend_schema(responses=TermOutput(many=True))
    def get(self, request: Request) -> Response:
        return Response(_terms(self.terms))


class SectorsApi(_VocabularyApi):
    terms = SECTORS


class CountiesApi(_VocabularyApi):
    terms = COUNTIES


class StagesApi(_VocabularyApi):
    terms = STAGES


class ProceduresApi(_VocabularyApi):
    terms = PROCEDURES


class LanguagesApi(_VocabularyApi):
    terms = LANGUAGES


class CpvApi(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[OpenApiParameter("q", OpenApiTypes.STR, required=False)],
        responses=TermOutput(many=True),
        summary="Look up CPV codes",
    )
    def get(self, request: Request) -> Response:
        query = request.query_params.get("q", "").strip()[:100]
        codes = cpv_search(query) if query else []
        return Response([{"code": c.code, "label": c.label} for c in codes])
