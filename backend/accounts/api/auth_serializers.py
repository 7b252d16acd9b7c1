from rest_framework import serializers

from backend.common import limits


class AcceptedOutput(serializers.Serializer):  # type: ignore[type-arg]
    detail = serializers.CharField()


class VerifyEmailInput(serializers.Serializer):  # type: ignore[type-arg]
    token = serializers.CharField(max_length=limits.TOKEN)


class ResendVerificationInput(serializers.Serializer):  # type: ignore[type-arg]
    email = serializers.EmailField(
        max_length=limits.EMAIL,
        required=False,
        help_text="Needed when not signed in; ignored when signed in.",
    )


class PasswordResetInput(serializers.Serializer):  # type: ignore[type-arg]
    email = serializers.EmailField(max_length=limits.EMAIL)


class PasswordResetConfirmInput(serializers.Serializer):  # type: ignore[type-arg]
    uid = serializers.CharField(max_length=50)
    token = serializers.CharField(max_length=100)
    new_password = serializers.CharField(trim_whitespace=False, max_length=limits.PASSWORD)


class PasswordChangeInput(serializers.Serializer):  # type: ignore[type-arg]
    old_password = serializers.CharField(trim_whitespace=False, max_length=limits.PASSWORD)
    new_password = serializers.CharField(trim_whitespace=False, max_length=limits.PASSWORD)


class ApiTokenOutput(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.CharField(source="token_key", help_text="The token's first characters.")
    created = serializers.DateTimeField()
    expiry = serializers.DateTimeField()


class ApiTokenCreatedOutput(ApiTokenOutput):
    token = serializers.CharField(help_text="Shown this once; only its hash is stored.")
