from rest_framework import serializers

from backend.identity.models import ExternalIdentity


class IdentityOutput(serializers.ModelSerializer[ExternalIdentity]):
    class Meta:
        model = ExternalIdentity
        fields = ["id", "issuer", "created_at", "last_login_at"]
