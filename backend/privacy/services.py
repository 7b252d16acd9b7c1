"""A person's rights over their data: a copy of it, and erasure of their account.

Deleting an account erases the person: the user row goes, and with it (by cascade) their
memberships, join requests, connected identities, API tokens, saved searches and
notifications; every session dies with the row. Their name and address are erased where
they were copied (participant lists, invitations, audit entries, the sign-in log).

What the organisations published stays: needs, solutions, conferences, responses and
answers written on an organisation's behalf belong to the organisation and keep their
content; their author becomes "deleted user". The access log of confidential responses
keeps the organisation the reader acted for. An organisation left without members stays,
with its content; advisors and operators can take it from there (a request to join it goes
to the advisors). The last administrator of an organisation that has other members hands
the role over first.
"""

from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from backend.accounts.auth_services import api_tokens_revoke_all
from backend.accounts.models import Invitation, User
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.privacy.selectors import (
    confirmed_address,
    deletion_blockers,
    participant_is,
    registrations_naming,
    user_audit_events,
)


def personal_data_exported(*, user: User) -> None:
    """A copy of the person's data was downloaded (audit-logged: a stolen session shows)."""
    audit_log(actor=user, action=AuditEvent.Action.EXPORTED, obj=user, data={"personal": True})


def _check_reauthenticated(*, user: User, password: str, recent_oidc_login: bool) -> None:
    if password and user.has_usable_password() and user.check_password(password):
        return
    if recent_oidc_login:
        return
    if user.has_usable_password():
        raise ValidationError({"password": [_("The password is wrong.")]})
    raise ValidationError(
        _(
            "Confirm that it is you: sign in with ID-porten again, then delete the account "
            "within 10 minutes."
        )
    )


def _check_no_blockers(*, user: User) -> None:
    names = [org.name for org in deletion_blockers(user=user)]
    if names:
        raise ValidationError(
            _(
                "You are the only administrator of %(orgs)s, which has other members. Hand "
                "the administrator role to another member first, then delete your account."
            )
            % {"orgs": ", ".join(names)}
        )


def _scrubbed(value: Any, email: str) -> Any:
    """`value` with every mention of the address taken out."""
    if isinstance(value, dict):
        return {k: _scrubbed(v, email) for k, v in value.items() if not _is(v, email)}
    if isinstance(value, list):
        return [_scrubbed(v, email) for v in value if not _is(v, email)]
    return value


def _is(value: Any, email: str) -> bool:
    return isinstance(value, str) and value.strip().lower() == email


def _erase_copies(*, user: User) -> None:
    """Erase the person's name and address where they were copied into other rows. Copies
    that name only the address (participant lists, invitations) are theirs only once they
    confirmed it: an account made with someone else's address erases none of them."""
    email = user.email.strip().lower()
    for event in user_audit_events(user=user).only("pk", "data"):
        cleaned = _scrubbed(event.data, email)
        if cleaned != event.data:
            AuditEvent.objects.filter(pk=event.pk).update(data=cleaned)
    confirmed = confirmed_address(user=user)
    if confirmed is not None:
        _erase_named_copies(email=confirmed)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=email).delete()


def _erase_named_copies(*, email: str) -> None:
    with translation.override("nb"):
        placeholder = _("Deleted user")
    for registration in registrations_naming(email=email):
        participants = [
            {"name": placeholder, "email": "", "role": p.get("role", "")}
            if participant_is(p, email)
            else p
            for p in registration.participants
        ]
        if participants != registration.participants:
            registration.participants = participants
            registration.save(update_fields=["participants", "updated_at"])
    Invitation.objects.filter(email__iexact=email).delete()


def _farewell_mail(*, email: str, language: str) -> None:
    def send() -> None:
        with translation.override(language):
            subject = _("Your account has been deleted")
            body = _(
                "Your account on Innovasjonstorget has been deleted, as you asked. Your name "
                "and e-mail address are erased; what you published on behalf of an "
                "organisation stays with the organisation.\n\n"
                "If you did not ask for this, contact us at once by answering this e-mail."
            )
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email], fail_silently=True)

    transaction.on_commit(send)


@transaction.atomic
def account_delete(*, user: User, password: str = "", recent_oidc_login: bool = False) -> None:
    """Erase the person's account, after they proved it is them (their password, or a fresh
    ID-porten login for an account without one). Nothing changes if it is refused."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    _check_reauthenticated(user=locked, password=password, recent_oidc_login=recent_oidc_login)
    _check_no_blockers(user=locked)
    organizations = sorted(locked.memberships.values_list("organization_id", flat=True))
    email, language, pk = locked.email, locked.preferred_language or "nb", locked.pk
    _erase_copies(user=locked)
    tokens = api_tokens_revoke_all(user=locked)
    locked.delete()
    audit_log(
        actor=None,
        action=AuditEvent.Action.DELETED,
        obj=User(pk=pk),
        data={"self_service": True, "organizations": organizations, "tokens_revoked": tokens},
    )
    _farewell_mail(email=email, language=language)
