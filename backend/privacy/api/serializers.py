"""The shape of a person's copy of their data (`GET /api/auth/me/export/`), and of deleting
their account."""

from typing import Any

from axes.models import AccessLog
from django.utils.translation import gettext as _
from knox.models import AuthToken
from rest_framework import serializers

from backend.accounts.models import Invitation, JoinRequest, Membership, Organization, User
from backend.audit.models import AuditEvent
from backend.common.serializers import OrganizationBrief
from backend.dialogue.models import DialogueConference, MeetingSlot, Question, Registration
from backend.discovery.models import SavedSearch
from backend.identity.models import ExternalIdentity
from backend.needs.models import Need
from backend.needs.selectors import need_visible
from backend.notifications.models import Delivery, Notification, NotificationPreference
from backend.privacy.selectors import PersonalData, participant_is
from backend.responses.models import Response, ResponseRead
from backend.responses.sections import body_without_secrets, one_section, sections_of

EXPORT_FORMAT = 1


class MyDataOrgRef(serializers.ModelSerializer[Organization]):
    class Meta:
        model = Organization
        fields = ["id", "name", "org_number", "kind"]


class MyDataConferenceRef(serializers.ModelSerializer[DialogueConference]):
    class Meta:
        model = DialogueConference
        fields = ["id", "title", "starts_at"]


class MyDataNeedRef(serializers.ModelSerializer[Need]):
    """A need named in one's data; a need gone back to draft keeps its title to its buyers."""

    class Meta:
        model = Need
        fields = ["id", "title"]

    def to_representation(self, need: Need) -> dict[str, Any]:
        data = dict(super().to_representation(need))
        if not need_visible(user=self.context["user"], need=need):
            data["title"] = _("A need that is no longer published")
        return data


class MyDataProfile(serializers.ModelSerializer[User]):
    has_password = serializers.BooleanField(source="has_usable_password")

    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "full_name",
            "preferred_language",
            "email_verified_at",
            "date_joined",
            "last_login",
            "has_password",
        ]


class MyDataMembership(serializers.ModelSerializer[Membership]):
    organization = MyDataOrgRef()

    class Meta:
        model = Membership
        fields = ["organization", "role", "title", "created_at"]


class MyDataJoinRequest(serializers.ModelSerializer[JoinRequest]):
    organization = MyDataOrgRef()

    class Meta:
        model = JoinRequest
        fields = ["organization", "message", "status", "created_at", "decided_at"]


class MyDataInvitation(serializers.ModelSerializer[Invitation]):
    organization = MyDataOrgRef()

    class Meta:
        model = Invitation
        fields = ["organization", "email", "role", "status", "created_at", "expires_at"]


class MyDataIdentity(serializers.ModelSerializer[ExternalIdentity]):
    class Meta:
        model = ExternalIdentity
        fields = ["issuer", "subject", "created_at", "last_login_at"]


class MyDataApiToken(serializers.ModelSerializer[AuthToken]):
    """Metadata only: the token itself was shown once and is stored as a hash."""

    id = serializers.CharField(source="token_key")

    class Meta:
        model = AuthToken
        fields = ["id", "created", "expiry"]


class MyDataSignIn(serializers.ModelSerializer[AccessLog]):
    class Meta:
        model = AccessLog
        fields = ["attempt_time", "logout_time", "ip_address", "user_agent"]


class MyDataAuditEvent(serializers.ModelSerializer[AuditEvent]):
    by_you = serializers.SerializerMethodField()
    details = serializers.SerializerMethodField()

    class Meta:
        model = AuditEvent
        fields = ["created_at", "action", "object_type", "object_id", "by_you", "details"]

    def get_by_you(self, event: AuditEvent) -> bool:
        return bool(event.actor_id == self.context["user"].pk)

    def get_details(self, event: AuditEvent) -> dict[str, Any]:
        """Without the ids of other people the event names (a member added or removed)."""
        own = self.context["user"].pk
        return {k: v for k, v in event.data.items() if k != "user" or v == own}


class MyDataResponseRead(serializers.ModelSerializer[ResponseRead]):
    organization = MyDataOrgRef(allow_null=True, help_text="The organisation you read it for.")

    class Meta:
        model = ResponseRead
        fields = ["response_id", "organization", "via", "read_at"]


class MyDataQuestion(serializers.ModelSerializer[Question]):
    conference = MyDataConferenceRef()
    organization = MyDataOrgRef()

    class Meta:
        model = Question
        fields = ["conference", "organization", "text", "created_at", "answered_at"]


class MyDataRegistration(serializers.ModelSerializer[Registration]):
    conference = MyDataConferenceRef()
    organization = MyDataOrgRef()
    registered_by_you = serializers.SerializerMethodField()
    you_as_participant = serializers.SerializerMethodField(
        help_text="Your own entries in the participant list; other people's are left out."
    )

    class Meta:
        model = Registration
        fields = [
            "conference",
            "organization",
            "created_at",
            "registered_by_you",
            "you_as_participant",
        ]

    def get_registered_by_you(self, registration: Registration) -> bool:
        return bool(registration.registered_by_id == self.context["user"].pk)

    def get_you_as_participant(self, registration: Registration) -> list[dict[str, str]]:
        email = self.context["user"].email
        return [p for p in registration.participants if participant_is(p, email)]


class MyDataBooking(serializers.ModelSerializer[MeetingSlot]):
    conference = MyDataConferenceRef()
    organization = MyDataOrgRef(source="booked_by", allow_null=True)

    class Meta:
        model = MeetingSlot
        fields = ["conference", "organization", "starts_at", "ends_at", "booked_at"]


class MyDataAuthoredResponse(serializers.ModelSerializer[Response]):
    """A response belongs to the organisation that sent it: its content is in the copy only
    while the person is still a member of that organisation."""

    organization = MyDataOrgRef()
    need = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()

    class Meta:
        model = Response
        fields = [
            "id",
            "organization",
            "need",
            "summary",
            "body",
            "confidential",
            "created_at",
            "updated_at",
        ]

    def _member(self, response: Response) -> bool:
        return response.organization_id in self.context["member_org_ids"]

    def get_need(self, response: Response) -> dict[str, Any] | None:
        if not self._member(response):
            return None
        return MyDataNeedRef(response.need, context=self.context).data

    def get_summary(self, response: Response) -> str | None:
        return response.summary if self._member(response) else None

    def get_body(self, response: Response) -> str | None:
        """The text, without the sections marked as business secrets: a downloaded copy
        leaves the access log behind (the response itself shows them)."""
        if not self._member(response):
            return None
        return body_without_secrets(sections_of(response.sections) or one_section(response.body))


class MyDataSavedSearch(serializers.ModelSerializer[SavedSearch]):
    class Meta:
        model = SavedSearch
        fields = ["name", "query", "filters", "alert_frequency", "created_at", "last_alerted_at"]


class MyDataNotification(serializers.ModelSerializer[Notification]):
    class Meta:
        model = Notification
        fields = ["kind", "title", "body", "link", "channel", "created_at", "read_at"]


class MyDataNotificationPreference(serializers.ModelSerializer[NotificationPreference]):
    class Meta:
        model = NotificationPreference
        fields = ["kind", "channel", "updated_at"]


class MyDataNotificationEmail(serializers.ModelSerializer[Delivery]):
    """An e-mail of notifications sent (or tried) to you: not its text, which the
    notifications hold."""

    class Meta:
        model = Delivery
        fields = ["kind", "status", "attempts", "created_at", "sent_at"]


class MyDataOtherRecord(serializers.Serializer):  # type: ignore[type-arg]
    type = serializers.CharField(help_text="What names you: a need you created, a note, …")
    id = serializers.IntegerField()
    created_at = serializers.DateTimeField()


class PersonalDataOutput(serializers.Serializer):  # type: ignore[type-arg]
    """Everything Innovasjonstorget holds about you, as JSON."""

    format = serializers.IntegerField(help_text="The version of this format.")
    generated_at = serializers.DateTimeField()
    profile = MyDataProfile(source="user")
    memberships = MyDataMembership(many=True)
    join_requests = MyDataJoinRequest(many=True)
    invitations = MyDataInvitation(many=True)
    identities = MyDataIdentity(many=True)
    api_tokens = MyDataApiToken(many=True)
    sign_ins = MyDataSignIn(many=True)
    audit_events = MyDataAuditEvent(many=True)
    responses_read = MyDataResponseRead(many=True)
    questions = MyDataQuestion(many=True)
    registrations = MyDataRegistration(many=True)
    bookings = MyDataBooking(many=True)
    responses = MyDataAuthoredResponse(many=True)
    saved_searches = MyDataSavedSearch(many=True)
    notifications = MyDataNotification(many=True)
    notification_preferences = MyDataNotificationPreference(many=True)
    notification_emails = MyDataNotificationEmail(many=True)
    other_records = MyDataOtherRecord(many=True)


def personal_data_output(data: PersonalData, *, generated_at: Any) -> dict[str, Any]:
    context = {"user": data.user, "member_org_ids": data.member_org_ids}
    source = {**data.__dict__, "format": EXPORT_FORMAT, "generated_at": generated_at}
    out: dict[str, Any] = PersonalDataOutput(source, context=context).data
    return out


class DeletionInfoOutput(serializers.Serializer):  # type: ignore[type-arg]
    has_password = serializers.BooleanField(
        help_text="Confirm with the password; without one, sign in with ID-porten again first."
    )
    recent_oidc_login = serializers.BooleanField(
        help_text="Signed in with ID-porten in this session within the last 10 minutes."
    )
    blocking_organizations = OrganizationBrief(
        many=True,
        help_text="Organisations you are the only administrator of while others are members: "
        "hand the role over first.",
    )


class AccountDeleteInput(serializers.Serializer):  # type: ignore[type-arg]
    password = serializers.CharField(
        trim_whitespace=False, max_length=200, required=False, allow_blank=True, default=""
    )
