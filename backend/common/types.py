"""Typing helpers for request users."""

from typing import TYPE_CHECKING, TypeAlias

from django.contrib.auth.models import AnonymousUser

if TYPE_CHECKING:
    from backend.accounts.models import User

    AnyUser: TypeAlias = "User | AnonymousUser"
else:
    AnyUser = object
