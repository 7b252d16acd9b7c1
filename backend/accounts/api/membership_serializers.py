"""Input and output of join requests, invitations and member administration."""

from rest_framework import serializers

from backend.accounts.models import Invitation, JoinRequest, Membership
from backend.common import limits
from backend.common.fields import PlainTextField
from backend.common.serializers import OrganizationBrief


class JoinRequestOutput(serializers.ModelSerializer[JoinRequest]):
    organization = OrganizationBrief(read_only=True)
    email = serializers.EmailField(source="user.email", read_only=True)
    full_name = serializers.CharField(source="user.full_name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = JoinRequest
        fields = [
            "id",
            "organization",
            "email",
            "full_name",
            "message",
            "status",
            "status_label",
            "created_at",
            "decided_at",
        ]


class InvitationInput(serializers.Serializer):  # type: ignore[type-arg]
    email = serializers.EmailField(max_length=limits.EMAIL)
    role = serializers.ChoiceField(choices=Membership.Role.choices, default=Membership.Role.MEMBER)


class InvitationOutput(serializers.ModelSerializer[Invitation]):
    organization = OrganizationBrief(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Invitation
        fields = [
            "id",
            "organization",
            "email",
            "role",
            "status",
            "status_label",
            "created_at",
            "expires_at",
        ]


class InvitationAcceptInput(serializers.Serializer):  # type: ignore[type-arg]
    token = serializers.CharField(max_length=limits.TOKEN)


class MemberRoleInput(serializers.Serializer):  # type: ignore[type-arg]
    role = serializers.ChoiceField(choices=Membership.Role.choices)


class HandOverInput(serializers.Serializer):  # type: ignore[type-arg]
    membership_id = serializers.IntegerField(min_value=1)


class RevokeInput(serializers.Serializer):  # type: ignore[type-arg]
    reason = PlainTextField(max_length=limits.REASON, multiline=True)
