from django.http import HttpResponse, JsonResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, status
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.api import auth_user, validated
from backend.notices import eforms, ocds, selectors, services
from backend.notices.api import serializers as s
from backend.reference.vocabularies import LANGUAGES

XML_TYPE = "application/xml"
ERRORS = {
    403: OpenApiResponse(description="Not the need's buyer or an advisor"),
    404: OpenApiResponse(description="No such need, or one the reader does not see"),
    409: OpenApiResponse(description="A draft, or a need without a CPV code"),
}


class NeedNoticeXmlApi(APIView):
    """The need's market dialogue as an eForms prior information notice (XML)."""

    @extend_schema(
        summary="The need's market dialogue as an eForms PIN (buyer and advisors)",
        description="Subtype 4 (PIN only, 2014/24/EU) from the EEA threshold, else Doffin's "
        "national E2; docs/notices.md maps each business term.",
        responses={(200, XML_TYPE): OpenApiResponse(response=OpenApiTypes.STR), **ERRORS},
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        notice = selectors.notice_for_buyer(user=request.user, need_id=pk)
        response = HttpResponse(
            eforms.notice_xml(notice), content_type=f"{XML_TYPE}; charset=utf-8"
        )
        name = f"forhandskunngjoring-behov-{pk}.xml"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["X-Content-Type-Options"] = "nosniff"
        return response


class NeedOcdsApi(APIView):
    """The need's market dialogue as an OCDS release package (planning)."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        summary="The need's market dialogue as an OCDS release package (public for a "
        "published need)",
        responses={
            (200, "application/json"): OpenApiResponse(response=OpenApiTypes.OBJECT),
            404: ERRORS[404],
            409: ERRORS[409],
        },
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        notice = selectors.notice_for_anyone(user=request.user, need_id=pk)
        package = ocds.release_package(notice, uri=request.build_absolute_uri())
        response = JsonResponse(package, json_dumps_params={"ensure_ascii": False, "indent": 2})
        response["Content-Disposition"] = f'attachment; filename="ocds-behov-{pk}.json"'
        return response


def _language(code: str) -> str:
    if code not in {t.code for t in LANGUAGES}:
        raise NotFound()
    return code


class NoticeTextListApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="The need's title and description in other languages, for its notices",
        responses=s.NoticeTextOutput(many=True),
    )
    def get(self, request: Request, pk: int) -> Response:
        _need, texts = selectors.notice_texts(user=request.user, need_id=pk)
        return Response(s.NoticeTextOutput(texts, many=True).data)


class NoticeTextDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Write the need's title and description in another language (nb, nn, en)",
        request=s.NoticeTextInput,
        responses=s.NoticeTextOutput,
    )
    def put(self, request: Request, pk: int, language: str) -> Response:
        need, _texts = selectors.notice_texts(user=request.user, need_id=pk)
        data = validated(s.NoticeTextInput, request)
        text = services.notice_text_set(
            user=auth_user(request), need=need, language=_language(language), **data
        )
        return Response(s.NoticeTextOutput(text).data)

    @extend_schema(summary="Remove the need's text in a language", responses={204: None})
    def delete(self, request: Request, pk: int, language: str) -> Response:
        need, _texts = selectors.notice_texts(user=request.user, need_id=pk)
        services.notice_text_delete(need=need, language=_language(language))
        return Response(status=status.HTTP_204_NO_CONTENT)
