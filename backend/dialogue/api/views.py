from typing import Any

import django_filters
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.models import Organization
from backend.accounts.selectors import user_supplier_org_ids
from backend.common.access import check_member
from backend.common.api import (
    EXPORT_RESPONSES,
    FILE_FORMAT_PARAMETER,
    ExportApi,
    auth_user,
    export_format,
    export_response,
    validated,
)
from backend.common.filters import visible_to
from backend.dialogue import host_services, selectors, services
from backend.dialogue.api import serializers as s
from backend.dialogue.models import DialogueConference, MeetingSlot, Question, Registration
from backend.needs.selectors import need_list


class MySlotsFilter(django_filters.FilterSet):
    conference = django_filters.ModelChoiceFilter(queryset=visible_to(selectors.conference_list))

    class Meta:
        model = MeetingSlot
        fields = ["conference"]


class ConferenceFilter(django_filters.FilterSet):
    upcoming = django_filters.BooleanFilter(method="filter_upcoming")
    needs = django_filters.ModelMultipleChoiceFilter(queryset=visible_to(need_list))

    class Meta:
        model = DialogueConference
        fields = ["status", "format", "organization", "needs"]

    def filter_upcoming(
        self, qs: QuerySet[DialogueConference], name: str, value: bool
    ) -> QuerySet[DialogueConference]:
        return qs.filter(starts_at__gte=timezone.now()) if value else qs


class ConferenceListApi(generics.ListAPIView[DialogueConference]):
    serializer_class = s.ConferenceOutput
    filterset_class = ConferenceFilter
    search_fields = ["title", "description"]
    ordering_fields = ["starts_at", "registration_deadline", "created_at"]

    def get_queryset(self) -> QuerySet[DialogueConference]:
        return selectors.conference_list(user=self.request.user)

    @extend_schema(
        request=s.ConferenceInput,
        responses={201: s.ConferenceOutput},
        summary="Create a dialogue conference (as a draft)",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.ConferenceInput, request)
        organization = data.pop("organization")
        conf = services.conference_create(
            user=auth_user(request),
            organization=organization,
            data=data,
        )
        conf = selectors.conference_get(user=request.user, conference_id=conf.pk)
        return Response(s.ConferenceOutput(conf).data, status=status.HTTP_201_CREATED)


class ConferenceDetailApi(APIView):
    @extend_schema(responses=s.ConferenceOutput)
    def get(self, request: Request, pk: int) -> Response:
        return Response(
            s.ConferenceOutput(selectors.conference_get(user=request.user, conference_id=pk)).data
        )

    @extend_schema(request=s.ConferenceUpdateInput, responses=s.ConferenceOutput)
    def patch(self, request: Request, pk: int) -> Response:
        conf = selectors.conference_get(user=request.user, conference_id=pk)
        data = validated(s.ConferenceUpdateInput, request, partial=True)
        services.conference_update(user=auth_user(request), conference=conf, data=data)
        return Response(
            s.ConferenceOutput(selectors.conference_get(user=request.user, conference_id=pk)).data
        )


class ConferencePublishApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=s.ConferenceOutput, summary="Announce a conference")
    def post(self, request: Request, pk: int) -> Response:
        conf = selectors.conference_get(user=request.user, conference_id=pk)
        services.conference_publish(user=auth_user(request), conference=conf)
        return Response(
            s.ConferenceOutput(selectors.conference_get(user=request.user, conference_id=pk)).data
        )


class ConferenceCancelApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=s.CancelInput,
        responses=s.ConferenceOutput,
        summary="Cancel a conference (host or advisor): the registered are told, slots freed",
    )
    def post(self, request: Request, pk: int) -> Response:
        conf = selectors.conference_get(user=request.user, conference_id=pk)
        host_services.conference_cancel(
            user=auth_user(request),
            conference=conf,
            reason=validated(s.CancelInput, request)["reason"],
        )
        return Response(
            s.ConferenceOutput(selectors.conference_get(user=request.user, conference_id=pk)).data
        )


class BookingAllowanceApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        parameters=[s.AllowanceQuery],
        responses=s.BookingAllowanceOutput,
        summary="How many 1:1 meetings your supplier organisation may still book, and why not",
    )
    def get(self, request: Request, pk: int) -> Response:
        conf = selectors.conference_get(user=request.user, conference_id=pk)
        query = s.AllowanceQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        organization = query.validated_data["organization"]
        check_member(
            user=auth_user(request), organization=organization, kind=Organization.Kind.SUPPLIER
        )
        allowance = selectors.booking_allowance(conference=conf, organization=organization)
        return Response(s.BookingAllowanceOutput(allowance).data)


class RegistrationListApi(generics.ListAPIView[Registration]):
    queryset = Registration.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.RegistrationOutput
    ordering_fields = ["created_at"]
    filterset_fields: list[str] = []

    def get_queryset(self) -> QuerySet[Registration]:
        conf = selectors.conference_get(user=self.request.user, conference_id=self.kwargs["pk"])
        return selectors.registration_list(user=self.request.user, conference=conf)

    @extend_schema(
        request=s.RegistrationInput,
        responses={201: s.RegistrationOutput},
        summary="Register your organisation for the conference",
    )
    def post(self, request: Request, pk: int) -> Response:
        conf = selectors.conference_get(user=request.user, conference_id=pk)
        data = validated(s.RegistrationInput, request)
        registration = services.registration_create(
            user=auth_user(request),
            conference=conf,
            organization=data["organization"],
            participants=[dict(p) for p in data["participants"]],
        )
        return Response(s.RegistrationOutput(registration).data, status=status.HTTP_201_CREATED)


class RegistrationDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={204: None}, summary="Cancel a registration")
    def delete(self, request: Request, pk: int, registration_id: int) -> Response:
        conf = selectors.conference_get(user=request.user, conference_id=pk)
        registration = get_object_or_404(
            selectors.registration_list(user=request.user, conference=conf), pk=registration_id
        )
        services.registration_cancel(user=auth_user(request), registration=registration)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RegistrationExportApi(ExportApi):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        parameters=[FILE_FORMAT_PARAMETER],
        responses=EXPORT_RESPONSES,
        summary="Export participants as CSV or XLSX (host and advisors)",
    )
    def get(self, request: Request, pk: int) -> Any:
        conf = selectors.conference_get(user=request.user, conference_id=pk)
        file_format = export_format(request)
        table = services.participants_export(user=auth_user(request), conference=conf)
        return export_response(table, filename=f"deltakere-{conf.pk}", file_format=file_format)


class SlotListApi(generics.ListAPIView[MeetingSlot]):
    queryset = MeetingSlot.objects.none()
    ordering_fields = ["starts_at"]
    filterset_fields: list[str] = []

    def get_serializer_class(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return s.SlotOutput
        conf = selectors.conference_get(user=self.request.user, conference_id=self.kwargs["pk"])
        if selectors.user_hosts_conference(user=self.request.user, conference=conf):
            return s.SlotOutput
        return s.PublicSlotOutput

    def get_queryset(self) -> QuerySet[MeetingSlot]:
        conf = selectors.conference_get(user=self.request.user, conference_id=self.kwargs["pk"])
        return selectors.slot_list(conference=conf)

    @extend_schema(
        request=s.SlotInput, responses={201: s.SlotOutput}, summary="Add a 1:1 meeting slot (host)"
    )
    def post(self, request: Request, pk: int) -> Response:
        conf = selectors.conference_get(user=request.user, conference_id=pk)
        slot = services.slot_create(
            user=auth_user(request),
            conference=conf,
            **validated(s.SlotInput, request),
        )
        return Response(s.SlotOutput(slot).data, status=status.HTTP_201_CREATED)


def _visible_slot(request: Request, pk: int) -> MeetingSlot:
    slot = get_object_or_404(MeetingSlot.objects.select_related("conference"), pk=pk)
    selectors.conference_get(user=request.user, conference_id=slot.conference_id)
    return slot


class SlotDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=s.SlotInput,
        responses=s.SlotOutput,
        summary="Move a 1:1 meeting (host); a booked one's booker is told",
    )
    def put(self, request: Request, pk: int) -> Response:
        slot = _visible_slot(request, pk)
        slot = host_services.slot_update(
            user=auth_user(request), slot=slot, **validated(s.SlotInput, request)
        )
        return Response(s.SlotOutput(slot).data)

    @extend_schema(
        request=None,
        responses={204: None},
        summary="Delete a 1:1 meeting (host); a booked one's booker is told",
    )
    def delete(self, request: Request, pk: int) -> Response:
        host_services.slot_delete(user=auth_user(request), slot=_visible_slot(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class SlotBookApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=s.BookInput, responses=s.SlotOutput, summary="Book a 1:1 meeting")
    def post(self, request: Request, pk: int) -> Response:
        slot = _visible_slot(request, pk)
        data = validated(s.BookInput, request)
        slot = services.slot_book(
            user=auth_user(request),
            slot=slot,
            organization=data["organization"],
        )
        return Response(s.SlotOutput(slot).data)


class SlotCancelApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=s.SlotCancelInput,
        responses=s.SlotOutput,
        summary="Cancel a 1:1 booking (the supplier that booked, the host or an advisor), "
        "with an optional reason; the other side is told and the time is free again",
    )
    def post(self, request: Request, pk: int) -> Response:
        slot = _visible_slot(request, pk)
        reason = validated(s.SlotCancelInput, request)["reason"]
        slot = services.slot_cancel(user=auth_user(request), slot=slot, reason=reason)
        return Response(s.SlotOutput(slot).data)


class MySlotsApi(generics.ListAPIView[MeetingSlot]):
    """The 1:1 meetings booked by the signed-in user's supplier organisations."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.SlotOutput
    ordering_fields = ["starts_at"]
    filterset_class = MySlotsFilter

    def get_queryset(self) -> QuerySet[MeetingSlot]:
        return MeetingSlot.objects.filter(
            booked_by_id__in=user_supplier_org_ids(self.request.user)
        ).select_related("booked_by")


class QuestionListApi(generics.ListAPIView[Question]):
    """Questions and answers at a conference (the host answers; answers go to all)."""

    queryset = Question.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.QuestionOutput
    ordering_fields = ["created_at"]
    filterset_fields: list[str] = []

    def _conference(self) -> DialogueConference:
        return selectors.conference_get(user=self.request.user, conference_id=self.kwargs["pk"])

    def get_serializer_context(self) -> dict[str, Any]:
        context = dict(super().get_serializer_context())
        if not getattr(self, "swagger_fake_view", False):
            context["host"] = selectors.user_hosts_conference(
                user=self.request.user, conference=self._conference()
            )
        return context

    def get_queryset(self) -> QuerySet[Question]:
        return selectors.question_list(user=self.request.user, conference=self._conference())

    @extend_schema(
        request=s.QuestionInput,
        responses={201: s.QuestionOutput},
        summary="Ask a question (registered suppliers)",
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(s.QuestionInput, request)
        question = services.question_ask(
            user=auth_user(request),
            conference=self._conference(),
            organization=data["organization"],
            text=data["text"],
        )
        return Response(s.QuestionOutput(question).data, status=status.HTTP_201_CREATED)


class QuestionAnswerApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=s.AnswerInput,
        responses=s.QuestionOutput,
        summary="Answer a question; the answer is published to all registered",
    )
    def post(self, request: Request, pk: int) -> Response:
        question = selectors.question_get(user=request.user, question_id=pk)
        question = services.question_answer(
            user=auth_user(request),
            question=question,
            answer=validated(s.AnswerInput, request)["answer"],
        )
        return Response(s.QuestionOutput(question, context={"host": True}).data)
