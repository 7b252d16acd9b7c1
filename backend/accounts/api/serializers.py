from rest_framework import serializers

from backend.accounts.models import Membership, Organization, User
from backend.accounts.policy import org_capabilities
from backend.accounts.selectors import user_roles


class OrganizationOutput(serializers.ModelSerializer[Organization]):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    capabilities = serializers.SerializerMethodField(
        help_text="What the organisation may do now (by kind and verification)."
    )

    class Meta:
        model = Organization
        fields = [
            "id",
            "name",
            "org_number",
            "kind",
            "kind_label",
            "municipality",
            "county",
            "website",
            "description",
            "verified",
            "verified_at",
            "created_at",
            "capabilities",
        ]

    def get_capabilities(self, org: Organization) -> list[str]:
        return org_capabilities(org)


class OrganizationInput(serializers.Serializer):  # type: ignore[type-arg]
    name = serializers.CharField(max_length=200)
    org_number = serializers.CharField(max_length=20)
    kind = serializers.ChoiceField(choices=Organization.Kind.choices)
    municipality = serializers.CharField(max_length=100, required=False, allow_blank=True)
    county = serializers.CharField(max_length=2, required=False, allow_blank=True)
    website = serializers.URLField(required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    message = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=1000,
        help_text="Sent to the administrators when the number is already registered.",
    )


class MembershipOutput(serializers.ModelSerializer[Membership]):
    organization = OrganizationOutput(read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "organization", "role", "title"]


class MemberOutput(serializers.ModelSerializer[Membership]):
    email = serializers.EmailField(source="user.email")
    full_name = serializers.CharField(source="user.full_name")

    class Meta:
        model = Membership
        fields = ["id", "email", "full_name", "role", "title"]


class UserOutput(serializers.ModelSerializer[User]):
    roles = serializers.SerializerMethodField()
    memberships = MembershipOutput(many=True, read_only=True)
    is_advisor = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "full_name",
            "preferred_language",
            "roles",
            "is_advisor",
            "memberships",
        ]

    def get_roles(self, user: User) -> list[str]:
        return user_roles(user)

    def get_is_advisor(self, user: User) -> bool:
        return "advisor" in user_roles(user)


class SessionOutput(serializers.Serializer):  # type: ignore[type-arg]
    user = UserOutput(allow_null=True)
    csrf_token = serializers.CharField()
    oidc_login_url = serializers.CharField(
        allow_null=True,
        help_text="Where the browser starts an OpenID Connect login (ID-porten); "
        "null when none is configured.",
    )


class LoginInput(serializers.Serializer):  # type: ignore[type-arg]
    email = serializers.EmailField()
    password = serializers.CharField(trim_whitespace=False)


class RegisterInput(serializers.Serializer):  # type: ignore[type-arg]
    email = serializers.EmailField()
    password = serializers.CharField(trim_whitespace=False, min_length=8)
    full_name = serializers.CharField(max_length=200)


class TokenOutput(serializers.Serializer):  # type: ignore[type-arg]
    token = serializers.CharField()
