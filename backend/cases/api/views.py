import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.selectors import user_org_ids
from backend.cases import selectors, services
from backend.cases.api import serializers as s
from backend.cases.models import Case, Gain
from backend.cases.suggestions import case_suggestions
from backend.common.api import auth_user, validated
from backend.common.types import AnyUser
from backend.needs.selectors import need_get


class CaseFilter(django_filters.FilterSet):
    mine = django_filters.BooleanFilter(method="filter_mine")
    gain_type = django_filters.ChoiceFilter(
        choices=Gain.Type.choices, field_name="gains__type", distinct=True
    )

    class Meta:
        model = Case
        fields = ["status", "sector", "procedure", "language", "organization"]

    def filter_mine(self, queryset: QuerySet[Case], name: str, value: bool) -> QuerySet[Case]:
        if not value:
            return queryset
        return queryset.filter(organization_id__in=user_org_ids(self.request.user))


def _detail(case: Case, user: AnyUser) -> Response:
    edits = selectors.user_edits_case(user=user, case=case)
    context = {
        "need_visible": {"need": case.need.is_public or edits},
        "can_edit": edits,
        "can_reuse": case.is_public and bool(selectors.reuse_org_ids(user=user)),
    }
    return Response(s.CaseDetailOutput(case, context=context).data)


class CaseListApi(generics.ListAPIView[Case]):
    serializer_class = s.CaseOutput
    filterset_class = CaseFilter
    search_fields = ["title", "summary"]
    ordering_fields = ["published_at", "created_at", "title"]

    def get_queryset(self) -> QuerySet[Case]:
        return selectors.case_list(user=self.request.user)

    @extend_schema(
        request=s.CaseInput,
        responses={201: s.CaseDetailOutput},
        summary="Record a case from one of the organisation's needs",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.CaseInput, request)
        need = data.pop("need")
        case = services.case_create(user=auth_user(request), need=need, data=data)
        response = _detail(selectors.case_get(user=request.user, case_id=case.pk), request.user)
        response.status_code = status.HTTP_201_CREATED
        return response


class CaseDetailApi(APIView):
    @extend_schema(responses=s.CaseDetailOutput)
    def get(self, request: Request, pk: int) -> Response:
        return _detail(selectors.case_get(user=request.user, case_id=pk), request.user)

    @extend_schema(request=s.CaseUpdateInput, responses=s.CaseDetailOutput)
    def patch(self, request: Request, pk: int) -> Response:
        case = selectors.case_get(user=request.user, case_id=pk)
        data = validated(s.CaseUpdateInput, request, partial=True)
        services.case_update(user=auth_user(request), case=case, data=data)
        return _detail(selectors.case_get(user=request.user, case_id=pk), request.user)

    @extend_schema(responses={204: None}, summary="Delete a draft case")
    def delete(self, request: Request, pk: int) -> Response:
        case = selectors.case_get(user=request.user, case_id=pk)
        services.case_delete(user=auth_user(request), case=case)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CasePublishApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=s.CaseDetailOutput, summary="Publish a case")
    def post(self, request: Request, pk: int) -> Response:
        case = selectors.case_get(user=request.user, case_id=pk)
        services.case_publish(user=auth_user(request), case=case)
        return _detail(selectors.case_get(user=request.user, case_id=pk), request.user)


class CaseUnpublishApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=s.CaseDetailOutput, summary="Take a case back to draft")
    def post(self, request: Request, pk: int) -> Response:
        case = selectors.case_get(user=request.user, case_id=pk)
        services.case_unpublish(user=auth_user(request), case=case)
        return _detail(selectors.case_get(user=request.user, case_id=pk), request.user)


class CaseReuseApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=s.ReuseInput,
        responses={201: s.ReuseCreatedOutput},
        summary="Start a new draft need from a published case (Gjenbruk)",
    )
    def post(self, request: Request, pk: int) -> Response:
        case = selectors.case_get(user=request.user, case_id=pk)
        data = validated(s.ReuseInput, request)
        reuse = services.case_reuse(
            user=auth_user(request), case=case, organization=data["organization"]
        )
        body = {"need_id": reuse.need_id, "case_id": case.pk}
        return Response(s.ReuseCreatedOutput(body).data, status=status.HTTP_201_CREATED)


class CaseLinkOutput(serializers.Serializer):  # type: ignore[type-arg]
    case = s.NeedLink(allow_null=True, help_text="The need's own case, if the reader sees it.")
    built_on = s.NeedLink(allow_null=True, help_text="The case the need was started from.")
    may_record = serializers.BooleanField(
        help_text="The reader may record the need as a case now (none yet, stage reached)."
    )


def _link(case: Case | None) -> dict[str, object] | None:
    return None if case is None else {"id": case.pk, "title": case.title}


class NeedCaseLinkApi(APIView):
    @extend_schema(responses=CaseLinkOutput, summary="The need's case and the case it builds on")
    def get(self, request: Request, pk: int) -> Response:
        need = need_get(user=request.user, need_id=pk)
        own = selectors.case_of_need(user=request.user, need=need)
        built_on = selectors.reused_case_of_need(user=request.user, need=need)
        may_record = (
            own is None
            and not selectors.need_has_case(need=need)
            and selectors.need_may_become_case(need)
            and selectors.user_records_case(user=request.user, need=need)
        )
        body = {"case": _link(own), "built_on": _link(built_on), "may_record": may_record}
        return Response(CaseLinkOutput(body).data)


class NeedCaseSuggestionsApi(APIView):
    @extend_schema(
        responses=s.CaseSuggestionOutput(many=True),
        summary="Published cases like the need (above the relevance floor), best first",
    )
    def get(self, request: Request, pk: int) -> Response:
        need = need_get(user=request.user, need_id=pk)
        found = case_suggestions(need=need)
        rows = [{"case": f.case, "similarity": f.similarity} for f in found]
        return Response(s.CaseSuggestionOutput(rows, many=True).data)
