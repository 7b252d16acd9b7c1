from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from backend.accounts.models import JoinRequest, Membership, Organization, User
from backend.accounts.policy import org_capabilities
from backend.accounts.selectors import user_roles
from backend.accounts.validators import validate_org_number, validate_phone, validate_postcode
from backend.common import field_messages, limits
from backend.common.fields import PlainTextField, WebAddressField, model_text
from backend.reference.vocabularies import county_choices


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
            "phone",
            "email",
            "postcode",
            "verified",
            "verified_at",
            "created_at",
            "capabilities",
        ]

    def get_capabilities(self, org: Organization) -> list[str]:
        return org_capabilities(org)


class OrganizationProfileInput(serializers.Serializer):  # type: ignore[type-arg]
    """The public profile and contact an organisation's administrators keep up to date."""

    website = WebAddressField(required=False, allow_blank=True)
    description = model_text(Organization, "description", required=False, allow_blank=True)
    phone = model_text(
        Organization,
        "phone",
        required=False,
        allow_blank=True,
        validators=[validate_phone],
        help_text="A switchboard or a shared number, e.g. +47 55 56 55 56 (public).",
    )
    email = serializers.EmailField(
        required=False,
        allow_blank=True,
        max_length=254,
        help_text="A shared mailbox, e.g. postmottak@kommune.no (public).",
    )
    postcode = model_text(
        Organization,
        "postcode",
        required=False,
        allow_blank=True,
        validators=[validate_postcode],
        help_text="Four digits: the postcode of the organisation's address.",
    )


class OrganizationInput(serializers.Serializer):  # type: ignore[type-arg]
    name = model_text(Organization, "name")
    org_number = PlainTextField(
        max_length=20,
        validators=[validate_org_number],
        help_text="Nine digits with a valid MOD11 check digit (spaces are ignored).",
    )
    kind = serializers.ChoiceField(choices=Organization.Kind.choices)
    municipality = model_text(Organization, "municipality", required=False, allow_blank=True)
    county = serializers.ChoiceField(choices=county_choices(), required=False, allow_blank=True)
    website = WebAddressField(required=False, allow_blank=True)
    description = model_text(Organization, "description", required=False, allow_blank=True)
    message = model_text(
        JoinRequest,
        "message",
        required=False,
        allow_blank=True,
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


class UserLanguageInput(serializers.Serializer):  # type: ignore[type-arg]
    preferred_language = serializers.ChoiceField(
        choices=[("nb", "Norsk bokmål"), ("en", "English")],
        help_text="The language notifications and e-mails are written in.",
    )


class SessionOutput(serializers.Serializer):  # type: ignore[type-arg]
    user = UserOutput(allow_null=True)
    csrf_token = serializers.CharField()
    oidc_login_url = serializers.CharField(
        allow_null=True,
        help_text="Where the browser starts an OpenID Connect login (ID-porten); "
        "null when none is configured.",
    )


class LoginInput(serializers.Serializer):  # type: ignore[type-arg]
    email = serializers.EmailField(
        max_length=limits.EMAIL,
        error_messages=field_messages.email(_("Enter your email address.")),
    )
    password = serializers.CharField(
        trim_whitespace=False,
        max_length=limits.PASSWORD,
        error_messages=field_messages.required_text(_("Enter your password.")),
    )


class RegisterInput(serializers.Serializer):  # type: ignore[type-arg]
    # The address is also the account's username, which holds fewer characters.
    email = serializers.EmailField(
        max_length=User._meta.get_field("username").max_length,
        error_messages=field_messages.email(_("Enter your email address.")),
    )
    # Django's MinimumLengthValidator asks for the same 8 (settings: AUTH_PASSWORD_VALIDATORS).
    password = serializers.CharField(
        trim_whitespace=False,
        min_length=8,
        max_length=limits.PASSWORD,
        error_messages={
            **field_messages.required_text(_("Enter your password.")),
            "min_length": _("The password must have at least {min_length} characters."),
        },
    )
    full_name = model_text(
        User, "full_name", error_messages=field_messages.required_text(_("Enter your full name."))
    )


class TokenOutput(serializers.Serializer):  # type: ignore[type-arg]
    token = serializers.CharField()
