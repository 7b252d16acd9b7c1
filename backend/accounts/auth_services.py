"""Password accounts: registration without account enumeration, e-mail verification,
password reset and change, and personal API tokens.

Every answer that an anonymous caller sees is the same whether or not the address has an
account; what differs is only the e-mail that the address's owner receives. E-mails are
plain text in the recipient's language and leave after the transaction commits.
"""

from collections.abc import Callable
from urllib.parse import urlencode

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from knox.models import AuthToken

from backend.accounts import services
from backend.accounts.models import User
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log

_VERIFY_SALT = "accounts.email-verification"
_LANGUAGES = ("nb", "en")


def _link(path: str, **params: str) -> str:
    return f"{settings.SITE_URL}{path}?{urlencode(params)}"


def _mail_on_commit(*, user: User, compose: Callable[[], tuple[str, str]]) -> None:
    """Send `compose()` (subject, body) to the user, in their language, after the commit."""

    def send() -> None:
        with translation.override(user.preferred_language or "nb"):
            subject, body = compose()
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email], fail_silently=False)

    transaction.on_commit(send)


def _user_by_email(email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip()).first()


def _check_password(password: str, user: User, *, field: str) -> None:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from exc


# Registration ----------------------------------------------------------------------------


@transaction.atomic
def registration_request(*, email: str, password: str, full_name: str, language: str) -> None:
    """Create an account and send the verification link, or, if the address already has an
    account, tell its owner instead. The caller cannot tell the two apart."""
    email = User.objects.normalize_email(email).strip().lower()
    _check_password(password, User(email=email, full_name=full_name), field="password")
    existing = _user_by_email(email)
    if existing is not None:
        make_password(password)  # the same work as a new account: no timing difference
        _mail_on_commit(user=existing, compose=_registration_attempt_mail)
        return
    user = services.user_register(email=email, password=password, full_name=full_name)
    user.preferred_language = language if language in _LANGUAGES else "nb"
    user.save(update_fields=["preferred_language"])
    email_verification_send(user=user)


def _registration_attempt_mail() -> tuple[str, str]:
    subject = _("Someone tried to register with your e-mail address")
    body = _(
        "Someone tried to create an account on Innovasjonstorget with this e-mail address, "
        "which already has an account.\n\n"
        "If it was you: sign in, or reset your password here if you have forgotten it:\n"
        "%(link)s\n\n"
        "If it was not you, you can ignore this e-mail. Nothing has changed."
    ) % {"link": _link("/forgot-password")}
    return subject, body


# E-mail verification ---------------------------------------------------------------------


def email_verification_token(*, user: User) -> str:
    """A signed, expiring token naming the user and the address it confirms."""
    return signing.dumps({"u": user.pk, "e": user.email}, salt=_VERIFY_SALT, compress=True)


def email_verification_send(*, user: User) -> None:
    """Mail the verification link, unless the address is verified already."""
    if user.email_verified or not user.is_active:
        return
    token = email_verification_token(user=user)

    def compose() -> tuple[str, str]:
        subject = _("Confirm your e-mail address")
        body = _(
            "Welcome to Innovasjonstorget.\n\n"
            "Open this link to confirm your e-mail address. Until you do, you cannot act "
            "for an organisation.\n%(link)s\n\n"
            "The link is valid for %(days)d days. If you did not create an account, you can "
            "ignore this e-mail."
        ) % {
            "link": _link("/verify-email", token=token),
            "days": settings.EMAIL_VERIFICATION_MAX_AGE.days,
        }
        return subject, body

    _mail_on_commit(user=user, compose=compose)


def email_verification_resend(*, email: str) -> None:
    """Resend the link to an unverified account; silently nothing for any other address."""
    user = _user_by_email(email)
    if user is not None:
        email_verification_send(user=user)


def _invalid_link(message: str) -> ValidationError:
    return ValidationError({"token": [message]})


@transaction.atomic
def email_verify(*, token: str) -> User:
    """Mark the address in a valid link as verified. Opening the link twice is harmless."""
    try:
        data = signing.loads(
            token,
            salt=_VERIFY_SALT,
            max_age=settings.EMAIL_VERIFICATION_MAX_AGE,
        )
    except signing.SignatureExpired as exc:
        raise _invalid_link(_("This link has expired. Ask for a new one.")) from exc
    except signing.BadSignature as exc:
        raise _invalid_link(
            _("This link is not valid. Copy the whole link from the e-mail.")
        ) from exc
    user = User.objects.select_for_update().filter(pk=data.get("u"), is_active=True).first()
    if user is None or user.email.lower() != str(data.get("e", "")).lower():
        raise _invalid_link(_("This link is not valid. Copy the whole link from the e-mail."))
    if not user.email_verified:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
        audit_log(
            actor=user, action=AuditEvent.Action.VERIFIED, obj=user, data={"email": user.email}
        )
    return user


# Password reset and change ---------------------------------------------------------------


def password_reset_request(*, email: str) -> None:
    """Mail a reset link to an active account with a password; nothing for any other."""
    user = _user_by_email(email)
    if user is None or not user.is_active or not user.has_usable_password():
        return
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)

    def compose() -> tuple[str, str]:
        subject = _("Reset your password")
        body = _(
            "Someone (hopefully you) asked to reset the password of your account on "
            "Innovasjonstorget.\n\n"
            "Choose a new password here:\n%(link)s\n\n"
            "The link is valid for %(hours)d hours and works once. If you did not ask, "
            "ignore this e-mail: your password stays as it is."
        ) % {
            "link": _link("/reset-password", uid=uid, token=token),
            "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        }
        return subject, body

    _mail_on_commit(user=user, compose=compose)


@transaction.atomic
def password_reset_confirm(*, uid: str, token: str, new_password: str) -> User:
    """Set a new password from a reset link. The link proves the mailbox, so the address
    counts as verified; every API token and other session of the account dies."""
    invalid = ValidationError(
        {"token": [_("This link is not valid or has expired. Ask for a new one.")]}
    )
    try:
        pk = int(force_str(urlsafe_base64_decode(uid)))
    except (TypeError, ValueError, OverflowError) as exc:
        raise invalid from exc
    user = User.objects.select_for_update().filter(pk=pk, is_active=True).first()
    if user is None or not default_token_generator.check_token(user, token):
        raise invalid
    _check_password(new_password, user, field="new_password")
    if not user.email_verified:
        user.email_verified_at = timezone.now()
    _password_set(user=user, password=new_password)
    return user


@transaction.atomic
def password_change(*, user: User, old_password: str, new_password: str) -> User:
    if not user.check_password(old_password):
        raise ValidationError({"old_password": [_("The current password is wrong.")]})
    _check_password(new_password, user, field="new_password")
    _password_set(user=user, password=new_password)
    return user


def _password_set(*, user: User, password: str) -> None:
    user.set_password(password)
    user.save(update_fields=["password", "email_verified_at"])
    revoked = api_tokens_revoke_all(user=user)
    axes_reset(username=user.email)
    audit_log(
        actor=user,
        action=AuditEvent.Action.CHANGED,
        obj=user,
        data={"field": "password", "tokens_revoked": revoked},
    )

    def notify() -> tuple[str, str]:
        subject = _("Your password was changed")
        body = _(
            "The password of your account on Innovasjonstorget was just changed, and all "
            "your API tokens were revoked.\n\n"
            "If this was not you, reset your password at once:\n%(link)s"
        ) % {"link": _link("/forgot-password")}
        return subject, body

    _mail_on_commit(user=user, compose=notify)


# API tokens ------------------------------------------------------------------------------


def api_token_list(*, user: User) -> QuerySet[AuthToken]:
    """The user's tokens that have not expired, newest first (a read, for the API)."""
    tokens: QuerySet[AuthToken] = AuthToken.objects.filter(user=user, expiry__gt=timezone.now())
    return tokens.order_by("-created")


@transaction.atomic
def api_token_create(*, user: User) -> tuple[AuthToken, str]:
    """A new token; the clear text is returned once and only its hash is stored."""
    instance, token = AuthToken.objects.create(user=user)
    audit_log(
        actor=user,
        action=AuditEvent.Action.CREATED,
        obj=user,
        data={"api_token": instance.token_key, "expires": instance.expiry.isoformat()},
    )
    return instance, token


@transaction.atomic
def api_token_revoke(*, user: User, token_key: str) -> bool:
    """Delete one of the user's own tokens. False if the user has no such token."""
    deleted, _rows = AuthToken.objects.filter(user=user, token_key=token_key).delete()
    if deleted:
        audit_log(
            actor=user, action=AuditEvent.Action.DELETED, obj=user, data={"api_token": token_key}
        )
    return bool(deleted)


def api_tokens_revoke_all(*, user: User) -> int:
    deleted: int = AuthToken.objects.filter(user=user).delete()[0]
    return deleted
