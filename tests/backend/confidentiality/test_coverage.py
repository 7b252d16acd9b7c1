"""No path is forgotten: every URL pattern of the API is probed by the confidentiality
modules (or is exempt here, with the reason), every model in the Django admin is scoped by
the visibility rules (or holds nothing they hide), and no probe answers with a server error.

A new endpoint or admin registration fails this module until someone decides how it is
probed: add its paths to `LIST_QUERIES`, `DETAIL_PATHS` or a `Write` list in helpers.py.
"""

from collections.abc import Iterator

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from backend.common.admin import ScopedAdmin
from tests.backend.confidentiality.helpers import (
    ALL_WRITES,
    API_ROLES,
    Scene,
    admin_paths,
    admin_reads,
    read_paths,
)

#: Endpoints that show nothing of what the visibility rules hide, and where they are tested.
EXEMPT = {
    "api/auth/register/": "creates an account; answers alike for any address (test_auth_sessions)",
    "api/auth/verify-email/": "a signed token of one's own (test_auth_sessions)",
    "api/auth/verify-email/resend/": "answers alike for any address (test_auth_sessions)",
    "api/auth/password-reset/": "answers alike for any address (test_auth_sessions)",
    "api/auth/password-reset/confirm/": "a signed token of one's own (test_auth_sessions)",
    "api/auth/password/": "one's own password (test_auth_sessions)",
    "api/auth/tokens/<str:key>/": "one's own API tokens (test_api_tokens)",
    "api/auth/oidc/login/": "a redirect to the identity provider (test_oidc)",
    "api/auth/oidc/callback/": "the provider's answer for one's own login (test_oidc)",
    "api/auth/identities/<int:pk>/": "one's own linked identities (test_oidc)",
    "api/auth/me/deletion/": "one's own account (test_privacy)",
    "api/organizations/<int:pk>/verify/": "advisors' decision on a public organisation",
    "api/organizations/<int:pk>/unverify/": "advisors' decision on a public organisation",
    "api/organizations/<int:org_pk>/members/<int:pk>/": "membership (test_trust_flows)",
    "api/organizations/<int:pk>/hand-over/": "membership (test_trust_flows)",
    "api/join-requests/<int:pk>/approve/": "membership (test_trust_flows)",
    "api/join-requests/<int:pk>/decline/": "membership (test_trust_flows)",
    "api/join-requests/<int:pk>/withdraw/": "membership (test_trust_flows)",
    "api/invitations/<int:pk>/revoke/": "membership (test_trust_flows)",
    "api/invitations/accept/": "a signed invitation of one's own (test_trust_flows)",
    "api/saved-searches/<int:pk>/": "one's own saved search (test_search_api)",
    "api/notifications/<int:pk>/read/": "one's own notification; another's answers 404 "
    "(notifications/test_api)",
    "api/notifications/read-all/": "one's own notifications (notifications/test_api)",
    "api/notifications/preferences/<str:kind>/": "one's own choice (notifications/test_api)",
    "api/notifications/unsubscribe/": "a signed token of one's own (notifications/test_delivery)",
    "api/conferences/<int:pk>/booking-allowance/": "one's own supplier organisation's "
    "allowance, refused for another's (test_dialogue_booking)",
    "api/reference/counties/": "a fixed public vocabulary",
    "api/reference/stages/": "a fixed public vocabulary",
    "api/reference/procedures/": "a fixed public vocabulary",
    "api/reference/languages/": "a fixed public vocabulary",
    "api/reference/cpv/": "a fixed public vocabulary",
    "api/^(?:[\\s\\S]*/)?$": "any path naming no endpoint: the JSON 404 of a missing object",
    "api/^needs/[^/]*/(?:notice\\.xml|ocds\\.json)$": "a need id that is no number before a "
    "notice's file name: the JSON 404 of a missing object",
}
#: Probed by each module's own tests through helpers (search, schema).
PROBED_ELSEWHERE = (
    "/api/search/",
    "/api/search/autocomplete/",
    "/api/schema/",
    "/api/docs/",
    # the case library: confidentiality/test_cases.py probes each for every role
    "/api/cases/",
    "/api/cases/1/",
    "/api/cases/1/publish/",
    "/api/cases/1/unpublish/",
    "/api/cases/1/reuse/",
    "/api/needs/1/case-link/",
    "/api/needs/1/case-suggestions/",
)
#: Admin models that hold nothing the visibility rules hide (accounts, organisations, logins,
#: tokens, the outbox's ids, the bulk imports' runs: file names and counts, no row content).
UNSCOPED_ADMIN = {
    "auth.group",
    "knox.authtoken",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "accounts.user",
    "accounts.organization",
    "accounts.joinrequest",
    "accounts.invitation",
    "identity.externalidentity",
    "outbox.outboxentry",
    "imports.importrun",
}


def _routes(patterns: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _routes(p.url_patterns, prefix + str(p.pattern))
        else:
            yield prefix + str(p.pattern)


def _api_routes() -> set[str]:
    return {r for r in _routes(get_resolver().url_patterns) if r.startswith("api/")}


def _probed_routes(scene: Scene) -> set[str]:
    paths = [
        *read_paths(scene),
        *PROBED_ELSEWHERE,
        *(w.path.format(1, conference=1) for w in ALL_WRITES),
    ]
    return {resolve(p.split("?")[0]).route for p in paths}


def test_every_api_endpoint_is_probed_or_exempt_with_a_reason(market: Scene) -> None:
    # given
    probed = _probed_routes(market)
    # then
    assert sorted(_api_routes() - probed - set(EXEMPT)) == []
    assert sorted(set(EXEMPT) - _api_routes()) == [], "an exempt endpoint no longer exists"
    assert sorted(set(EXEMPT) & probed) == [], "an exempt endpoint is probed after all"


def test_every_admin_model_is_scoped_by_the_visibility_rules_or_holds_nothing_they_hide() -> None:
    unscoped = {
        m._meta.label_lower
        for m, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, ScopedAdmin)
    }
    assert sorted(unscoped - UNSCOPED_ADMIN) == []


def test_every_admin_model_is_probed(market: Scene) -> None:
    probed = {tuple(p.split("/")[2:4]) for p in admin_paths(market) if p.count("/") > 3}
    registered = {(m._meta.app_label, m._meta.model_name) for m in admin.site._registry}
    assert registered <= probed


@pytest.mark.parametrize("role", [*API_ROLES, "advisor"])
def test_no_read_path_answers_with_a_server_error(market: Scene, role: str) -> None:
    errors = {p: s for p, (s, _b) in market.reads(role).items() if s >= 500}
    assert errors == {}


@pytest.mark.parametrize("role", ["staff", "operator"])
def test_no_admin_page_answers_with_a_server_error(market: Scene, role: str) -> None:
    errors = {p: s for p, (s, _b) in admin_reads(market, role).items() if s >= 500}
    assert errors == {}
