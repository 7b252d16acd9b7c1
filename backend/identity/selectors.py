from django.db.models import QuerySet

from backend.accounts.models import User
from backend.identity.models import ExternalIdentity


def identity_get(*, issuer: str, subject: str) -> ExternalIdentity | None:
    return (
        ExternalIdentity.objects.select_related("user")
        .filter(issuer=issuer, subject=subject)
        .first()
    )


def users_by_identity(*, issuer: str, subject: str) -> QuerySet[User]:
    return User.objects.filter(
        external_identities__issuer=issuer, external_identities__subject=subject
    )


def user_identities(*, user: User) -> QuerySet[ExternalIdentity]:
    return ExternalIdentity.objects.filter(user=user)
