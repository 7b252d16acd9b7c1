"""Helpers for the dialogue tests: suppliers that register and book, slot bodies, and what
a person was told (read through the notifications API, as the person reads it)."""

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from rest_framework.test import APIClient

from backend.accounts.models import Organization, User
from backend.dialogue.models import DialogueConference
from tests.factories import MembershipFactory, OrganizationFactory, RegistrationFactory


def client_of(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def competitor(conference: DialogueConference, name: str = "Omsorgsteknikk AS") -> User:
    """A member of another supplier organisation, registered for `conference`."""
    org = OrganizationFactory(name=name, kind=Organization.Kind.SUPPLIER)
    RegistrationFactory(conference=conference, organization=org)
    return MembershipFactory(organization=org).user


def slot_body(starts_at: datetime, minutes: int = 45) -> dict[str, Any]:
    return {
        "starts_at": starts_at.isoformat(),
        "ends_at": (starts_at + timedelta(minutes=minutes)).isoformat(),
    }


def local_when(starts_at: datetime, ends_at: datetime) -> str:
    """A meeting's time as the messages write it in Norwegian: 12.05.2026 10:00–10:45."""
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    return f"{start:%d.%m.%Y %H:%M}–{end:%H:%M}"


def local_date(value: datetime) -> str:
    return date_format(timezone.localdate(value), "d.m.Y")


def told(user: User | None) -> list[dict[str, Any]]:
    """The notifications `user` reads in the app, newest first."""
    response = client_of(user).get("/api/notifications/")
    assert response.status_code == 200
    results: list[dict[str, Any]] = response.json()["results"]
    return results
