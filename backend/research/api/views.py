from typing import Any

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.selectors import user_org_ids
from backend.common.api import auth_user, validated
from backend.common.filters import visible_to
from backend.matches.selectors import check_need_insight
from backend.needs.selectors import need_get, need_list
from backend.reference.vocabularies import language_choices, sector_choices
from backend.research import selectors, services
from backend.research.api import serializers as s
from backend.research.models import CompetenceProfile, ResearchPartnership
from backend.research.suggestions import research_suggestions


class ProfileFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Words in the title, text or keywords")
    sector = django_filters.ChoiceFilter(choices=sector_choices(), method="filter_sector")
    language = django_filters.ChoiceFilter(choices=language_choices())
    mine = django_filters.BooleanFilter(method="filter_mine", label="Only my institutions'")

    class Meta:
        model = CompetenceProfile
        fields = ["status", "organization", "language"]

    def filter_q(
        self, queryset: QuerySet[CompetenceProfile], name: str, value: str
    ) -> QuerySet[CompetenceProfile]:
        return selectors.profiles_matching_text(queryset, value[:200])

    def filter_sector(
        self, queryset: QuerySet[CompetenceProfile], name: str, value: str
    ) -> QuerySet[CompetenceProfile]:
        return selectors.profiles_with_sector(queryset, value)

    def filter_mine(
        self, queryset: QuerySet[CompetenceProfile], name: str, value: bool
    ) -> QuerySet[CompetenceProfile]:
        if not value:
            return queryset
        return queryset.filter(organization_id__in=user_org_ids(self.request.user))


class ProfileListApi(generics.ListAPIView[CompetenceProfile]):
    """Published competence profiles of research institutions (and one's own drafts)."""

    serializer_class = s.CompetenceProfileOutput
    filterset_class = ProfileFilter
    search_fields: list[str] = []
    ordering_fields = ["published_at", "created_at", "title"]

    def get_queryset(self) -> QuerySet[CompetenceProfile]:
        return selectors.profile_list(user=self.request.user)

    @extend_schema(
        request=s.CompetenceProfileInput,
        responses={201: s.CompetenceProfileOutput},
        summary="Create a competence profile (research institutions)",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.CompetenceProfileInput, request)
        organization = data.pop("organization")
        profile = services.profile_create(
            user=auth_user(request), organization=organization, data=data
        )
        return Response(
            s.CompetenceProfileOutput(profile, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class ProfileDetailApi(APIView):
    @extend_schema(responses=s.CompetenceProfileOutput)
    def get(self, request: Request, pk: int) -> Response:
        profile = selectors.profile_get(user=request.user, profile_id=pk)
        return Response(s.CompetenceProfileOutput(profile, context={"request": request}).data)

    @extend_schema(request=s.CompetenceProfileUpdateInput, responses=s.CompetenceProfileOutput)
    def patch(self, request: Request, pk: int) -> Response:
        profile = selectors.profile_get(user=request.user, profile_id=pk)
        data = validated(s.CompetenceProfileUpdateInput, request, partial=True)
        profile = services.profile_update(user=auth_user(request), profile=profile, data=data)
        return Response(s.CompetenceProfileOutput(profile, context={"request": request}).data)

    @extend_schema(request=None, responses={204: None}, summary="Delete a draft profile")
    def delete(self, request: Request, pk: int) -> Response:
        profile = selectors.profile_get(user=request.user, profile_id=pk)
        services.profile_delete(user=auth_user(request), profile=profile)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProfilePublishApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    publish = True

    @extend_schema(request=None, responses=s.CompetenceProfileOutput)
    def post(self, request: Request, pk: int) -> Response:
        profile = selectors.profile_get(user=request.user, profile_id=pk)
        change = services.profile_publish if self.publish else services.profile_withdraw
        profile = change(user=auth_user(request), profile=profile)
        return Response(s.CompetenceProfileOutput(profile, context={"request": request}).data)


class ProfileWithdrawApi(ProfilePublishApi):
    """Withdraw a published profile (back to a draft)."""

    publish = False


class NeedResearchSuggestionsApi(APIView):
    """Research institutions whose profiles suit the need: for its buyers and advisors."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.ResearchSuggestionOutput(many=True))
    def get(self, request: Request, pk: int) -> Response:
        need = need_get(user=request.user, need_id=pk)
        check_need_insight(user=request.user, need=need)
        found = research_suggestions(need=need)
        data = s.ResearchSuggestionOutput(found, many=True, context={"request": request}).data
        return Response(data)


class PartnershipFilter(django_filters.FilterSet):
    need = django_filters.ModelChoiceFilter(queryset=visible_to(need_list))

    class Meta:
        model = ResearchPartnership
        fields = ["state", "need"]


class PartnershipListApi(generics.ListAPIView[ResearchPartnership]):
    """Research partnerships of one's needs (buyers) or one's institution (partners)."""

    queryset = ResearchPartnership.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.ResearchPartnershipOutput
    filterset_class = PartnershipFilter
    ordering_fields = ["created_at"]

    def get_queryset(self) -> QuerySet[ResearchPartnership]:
        return selectors.partnership_list(user=self.request.user)

    @extend_schema(
        request=s.ResearchPartnershipInput,
        responses={201: s.ResearchPartnershipOutput},
        summary="Invite a research institution to a need (its buyer)",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.ResearchPartnershipInput, request)
        partnership = services.partnership_invite(user=auth_user(request), **data)
        return Response(
            s.ResearchPartnershipOutput(partnership, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


def _partnership(request: Request, pk: int) -> ResearchPartnership:
    return selectors.partnership_get(user=request.user, partnership_id=pk)


class PartnershipDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.ResearchPartnershipOutput)
    def get(self, request: Request, pk: int) -> Response:
        partnership = _partnership(request, pk)
        return Response(s.ResearchPartnershipOutput(partnership, context={"request": request}).data)

    @extend_schema(
        request=s.ResearchPartnershipUpdateInput,
        responses=s.ResearchPartnershipOutput,
        summary="Share a note, grant or revoke reading the responses (the need's buyer)",
    )
    def patch(self, request: Request, pk: int) -> Response:
        partnership = _partnership(request, pk)
        data = validated(s.ResearchPartnershipUpdateInput, request, partial=True)
        updated = services.partnership_update(
            user=auth_user(request), partnership=partnership, **data
        )
        return Response(s.ResearchPartnershipOutput(updated, context={"request": request}).data)


class _PartnershipActionApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def act(self, request: Request, partnership: ResearchPartnership) -> ResearchPartnership:
        raise NotImplementedError

    @extend_schema(request=None, responses=s.ResearchPartnershipOutput)
    def post(self, request: Request, pk: int) -> Response:
        done = self.act(request, _partnership(request, pk))
        return Response(s.ResearchPartnershipOutput(done, context={"request": request}).data)


class PartnershipAcceptApi(_PartnershipActionApi):
    """Accept the invitation (the institution): it reads the need from now on."""

    def act(self, request: Request, partnership: ResearchPartnership) -> ResearchPartnership:
        return services.partnership_decide(
            user=auth_user(request), partnership=partnership, accept=True
        )


class PartnershipDeclineApi(_PartnershipActionApi):
    """Decline the invitation (the institution)."""

    def act(self, request: Request, partnership: ResearchPartnership) -> ResearchPartnership:
        return services.partnership_decide(
            user=auth_user(request), partnership=partnership, accept=False
        )


class PartnershipEndApi(_PartnershipActionApi):
    """End the partnership or withdraw the invitation (either side): nothing more is seen."""

    def act(self, request: Request, partnership: ResearchPartnership) -> ResearchPartnership:
        return services.partnership_end(user=auth_user(request), partnership=partnership)


class PartnershipResponsesApi(APIView):
    """The need's responses, for an accepted partner the buyer granted it; each read is
    logged in the response access log. Anyone else: 404."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.ResearchPartnerResponseOutput(many=True))
    def get(self, request: Request, pk: int) -> Response:
        partnership = _partnership(request, pk)
        responses = list(selectors.partner_responses(user=request.user, partnership=partnership))
        services.partner_responses_read(
            user=auth_user(request), partnership=partnership, responses=responses
        )
        data: Any = s.ResearchPartnerResponseOutput(responses, many=True).data
        return Response(data)
