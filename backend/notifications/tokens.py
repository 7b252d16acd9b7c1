"""Signed unsubscribe tokens: whoever holds one may switch the named kinds of news off (or on
again) for one person, without signing in. They do not expire: an old e-mail's link works."""

from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.notifications.models import Channel, NotificationKind

_SALT = "notifications.unsubscribe"


@dataclass(frozen=True)
class UnsubscribeGrant:
    user_id: int
    kinds: tuple[NotificationKind, ...]
    #: The channel the e-mail came by: what "undo" restores.
    channel: Channel


def unsubscribe_token(*, user_id: int, kinds: list[str], channel: str) -> str:
    payload = {"u": user_id, "k": sorted(set(kinds)), "c": channel}
    return signing.dumps(payload, salt=_SALT, compress=True)


def invalid_token() -> ValidationError:
    return ValidationError(
        {
            "token": [
                _(
                    "This unsubscribe link is not valid. Sign in and change your choices on "
                    "the notification settings page."
                )
            ]
        }
    )


def unsubscribe_grant(token: str) -> UnsubscribeGrant:
    """What the token allows; a forged, damaged or foreign token is a ValidationError."""
    invalid = invalid_token()
    try:
        payload = signing.loads(token, salt=_SALT)
        kinds = tuple(NotificationKind(k) for k in payload["k"])
        grant = UnsubscribeGrant(
            user_id=int(payload["u"]), kinds=kinds, channel=Channel(payload["c"])
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise invalid from None
    if not grant.kinds:
        raise invalid
    return grant
