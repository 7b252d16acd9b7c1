"""Linking OpenID Connect identities to users. Every link and unlink is audit-logged."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.text import plain_line
from backend.identity.models import ExternalIdentity


class IdentityRefused(Exception):
    """The provider vouched for the person, but we will not sign them in as asked.

    `code` goes to the front end (`/login?oidc=<code>`), which explains it in the user's language.
    """

    ACCOUNT_EXISTS = "account_exists"
    EMAIL_MISSING = "email_missing"
    IDENTITY_IN_USE = "identity_in_use"
    ALREADY_CONNECTED = "already_connected"

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _verified(claims: Mapping[str, Any]) -> bool:
    return claims.get("email_verified") is True


def _full_name(claims: Mapping[str, Any]) -> str:
    name = claims.get("name") or " ".join(
        str(claims[k]) for k in ("given_name", "family_name") if claims.get(k)
    )
    limit = User._meta.get_field("full_name").max_length or 200
    return plain_line(str(name), max_length=limit)


def _email(claims: Mapping[str, Any]) -> str:
    """The e-mail claim if it is an address a user can have (it is also the username), or
    "" (as if the provider gave none)."""
    email = User.objects.normalize_email(str(claims.get("email") or "")).strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        return ""
    return email if len(email) <= (User._meta.get_field("username").max_length or 0) else ""


def _link(*, user: User, issuer: str, subject: str, via: str) -> ExternalIdentity:
    identity = ExternalIdentity.objects.create(
        user=user, issuer=issuer, subject=subject, last_login_at=timezone.now()
    )
    audit_log(
        actor=user,
        action=AuditEvent.Action.CREATED,
        obj=identity,
        data={"issuer": issuer, "via": via},
    )
    return identity


@transaction.atomic
def identity_user_create(*, issuer: str, subject: str, claims: Mapping[str, Any]) -> User:
    """First login with an unknown subject: a new user, linked to it.

    An e-mail address that already has an account is not taken over: whoever holds the
    password signs in with it and connects the identity (`identity_connect`).
    """
    email = _email(claims)
    if not email:
        raise IdentityRefused(IdentityRefused.EMAIL_MISSING)
    if User.objects.filter(email__iexact=email).exists():
        raise IdentityRefused(IdentityRefused.ACCOUNT_EXISTS)
    user = User(email=email, username=email, full_name=_full_name(claims))
    user.set_unusable_password()
    if _verified(claims):
        user.email_verified_at = timezone.now()
    user.save()
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=user, data={"via": "oidc"})
    _link(user=user, issuer=issuer, subject=subject, via="signup")
    return user


def identity_login(*, user: User, issuer: str, subject: str, claims: Mapping[str, Any]) -> User:
    """A known subject signs in: stamp the login. The user's e-mail is not replaced by the
    claim (it may have changed at the provider); a verified claim for the same address
    marks it verified."""
    ExternalIdentity.objects.filter(user=user, issuer=issuer, subject=subject).update(
        last_login_at=timezone.now()
    )
    claimed = str(claims.get("email") or "").lower()
    if user.email_verified_at is None and _verified(claims) and claimed == user.email.lower():
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    return user


@transaction.atomic
def identity_connect(*, user: User, issuer: str, subject: str) -> ExternalIdentity:
    """A signed-in user links the identity they just proved to their account."""
    existing = ExternalIdentity.objects.select_for_update().filter(issuer=issuer, subject=subject)
    identity = existing.first()
    if identity is not None and identity.user_id != user.pk:
        raise IdentityRefused(IdentityRefused.IDENTITY_IN_USE)
    if identity is not None:
        identity.last_login_at = timezone.now()
        identity.save(update_fields=["last_login_at"])
        return identity
    if ExternalIdentity.objects.filter(user=user, issuer=issuer).exists():
        raise IdentityRefused(IdentityRefused.ALREADY_CONNECTED)
    return _link(user=user, issuer=issuer, subject=subject, via="connect")


@transaction.atomic
def identity_unlink(*, actor: User, identity: ExternalIdentity) -> None:
    audit_log(
        actor=actor,
        action=AuditEvent.Action.DELETED,
        obj=identity,
        data={"issuer": identity.issuer, "user": identity.user_id},
    )
    identity.delete()


@transaction.atomic
def identity_remove(*, user: User, identity: ExternalIdentity) -> None:
    """The user disconnects one of their identities, unless it is their only way to sign in."""
    others = ExternalIdentity.objects.filter(user=user).exclude(pk=identity.pk)
    if not user.has_usable_password() and not others.exists():
        raise ValidationError(
            _("This is the only way you can sign in, so it cannot be disconnected.")
        )
    identity_unlink(actor=user, identity=identity)
