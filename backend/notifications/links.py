"""The frontend routes notifications link to, one builder per page. Each yields a path of
frontend/src/app/router.tsx (tests/backend/notifications/test_links.py parses the router and
checks every kind's link against it)."""

from collections.abc import Iterable
from urllib.parse import urlencode

from django.conf import settings


def need_page(need_id: int) -> str:
    return f"/needs/{need_id}"


def conference_page(conference_id: int) -> str:
    return f"/conferences/{conference_id}"


def conference_meeting_page(conference_id: int, slot_id: int) -> str:
    """A 1:1 meeting at a conference: its minutes and what was shared in it."""
    return f"/conferences/{conference_id}/meetings/{slot_id}"


def need_meeting_page(need_id: int, request_id: int) -> str:
    """A meeting of a need's ongoing dialogue: its minutes and what was shared in it."""
    return f"/needs/{need_id}/meetings/{request_id}"


def joint_invitation_page(membership_id: int) -> str:
    """An invitation to a joint procurement: the invited buyer reads it and answers."""
    return f"/joint/invitations/{membership_id}"


def advisor_joint_groups() -> str:
    return "/advisor/joint"


def research_partnership_page(partnership_id: int) -> str:
    """A research partnership: the invitation, and the need as its partner reads it."""
    return f"/research/partnerships/{partnership_id}"


def buyer_dashboard() -> str:
    return "/buyer"


def advisor_need_board(need_id: int) -> str:
    return f"/advisor/needs/{need_id}"


def advisor_organizations() -> str:
    return "/advisor/organizations"


def organization_page(organization_id: int) -> str:
    return f"/organizations/{organization_id}"


def my_organizations() -> str:
    return "/organizations"


#: The search page's name of a filter where it differs from the search API's (the page's
#: type facet filters on the index's ``kind``).
_SEARCH_PAGE_PARAMS = {"kind": "type"}


def search_page(query: str, filters: Iterable[tuple[str, str]] = ()) -> str:
    """The search page with a query and filters applied, as the page reads its query string
    (frontend/src/features/search/search-page.tsx): ``q`` and one parameter per value."""
    pairs = [("q", query)] if query else []
    pairs += [(_SEARCH_PAGE_PARAMS.get(name, name), value) for name, value in filters]
    return f"/?{urlencode(pairs)}" if pairs else "/"


def notification_list() -> str:
    return "/notifications"


def notification_settings() -> str:
    return "/account/notifications"


def unsubscribe_page(token: str) -> str:
    return f"/notifications/unsubscribe?{urlencode({'token': token})}"


def absolute(path: str) -> str:
    """A page's address as sent by e-mail (SITE_URL)."""
    return f"{settings.SITE_URL}{path or '/'}"
