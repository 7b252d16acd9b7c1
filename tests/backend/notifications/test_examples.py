"""The end-to-end run's examples: one notification of every kind for the demo's buyer,
supplier and advisor, about real rows; loading them again makes none."""

from backend.notifications.examples import notification_examples
from backend.notifications.models import Notification, NotificationKind
from tests.backend.conftest import World
from tests.factories import NeedFactory, OrganizationFactory, RegistrationFactory
from tests.factories.research import ResearchPartnershipFactory


def test_every_kind_is_given_once(world: World) -> None:
    # given
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    OrganizationFactory(name="Fjordlys Teknologi AS", verified=False)
    NeedFactory(organization=world.other_buyer_org)
    ResearchPartnershipFactory(need=world.need)
    cast = {role: world.users[role] for role in ("buyer", "supplier", "advisor")}
    # when
    made = notification_examples(**cast)  # type: ignore[arg-type]
    again = notification_examples(**cast)  # type: ignore[arg-type]
    # then
    kinds = list(Notification.objects.values_list("kind", flat=True))
    assert set(kinds) == set(NotificationKind.values)
    assert (made, again) == (len(kinds), 0)
    assert len(kinds) == len(NotificationKind)
