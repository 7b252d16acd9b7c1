"""Schema-driven fuzzing: schemathesis sends generated requests for every operation of the
OpenAPI schema to the live API (a real HTTP server on a throwaway database), signed in as each
role in turn, and checks every response:

- no 5xx (`not_a_server_error`);
- the status code, content type and body are what the schema promises
  (`status_code_conformance`, `content_type_conformance`, `response_schema_conformance`);
- no response carries a marker planted in another organisation's confidential data
  (`no_planted_marker`): a draft need, a draft solution, a draft conference, a confidential
  response, an advisor's note, an unanswered question, a rejected match, a participant's
  contact data, or another person's saved search and notifications.

Each operation gets valid cases, then (where anything can be invalid) invalid ones; ids in
paths and bodies are half the time ids of rows that exist. Writes land in the live server's
throwaway database (transactional, emptied after each role) and search indices (emptied too).

Signed-in roles use a knox API token; every client also carries a CSRF cookie and header, so
the CSRF-checked account endpoints are fuzzed too. No operation is excluded, because none can
end the run's sign-in or lock its account: signing out (`DELETE /api/auth/session/`) ends no
token, a token's key (`DELETE /api/auth/tokens/{key}/`) cannot be guessed, changing the
password and deleting the account need the current password, and a wrong one counts towards a
lockout only at sign-in, for the address tried. The test checks at the end that the role is
still signed in.

`FUZZ_MAX_EXAMPLES` (default 8 cases per operation, valid and invalid each) and
`FUZZ_RANDOM=1` (a new seed each run instead of the fixed, derandomised one) make a deeper
local run, e.g. `FUZZ_RANDOM=1 FUZZ_MAX_EXAMPLES=50 pytest tests/backend/test_fuzz_api.py`.
"""

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from django.db.models import Model
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from backend.accounts import auth_services
from backend.accounts.models import Invitation, JoinRequest, Membership, Organization
from backend.dialogue.models import DialogueConference, MeetingSlot, Question, Registration
from backend.discovery.models import SavedSearch
from backend.discovery.services import search_backend
from backend.identity.models import ExternalIdentity
from backend.matches.models import Match
from backend.needs.models import CoBuyerRequest, Need
from backend.responses.models import Response
from backend.solutions.models import Solution
from tests.backend.conftest import World
from tests.factories import (
    ConferenceFactory,
    MatchFactory,
    MatchNoteFactory,
    MembershipFactory,
    NeedFactory,
    NotificationFactory,
    OrganizationFactory,
    QuestionFactory,
    RegistrationFactory,
    ResponseFactory,
    SavedSearchFactory,
    SolutionFactory,
    UserFactory,
)

# Hypothesis keeps its caches under var/ (ignored; `make clean` removes it), not in the tree.
set_hypothesis_home_dir(Path(__file__).resolve().parents[2] / "var" / "hypothesis")

ROLES = ("visitor", "buyer", "supplier", "advisor")
MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "8"))
DETERMINISTIC = os.environ.get("FUZZ_RANDOM", "") != "1"

# Which rows a path parameter or a body field names, so that about half the generated ids are
# of rows that exist (the rest stay random): the first prefix that matches wins.
PATH_MODELS: tuple[tuple[str, str, type[Model]], ...] = (
    ("/api/organizations/{org_pk}/members/", "id", Membership),
    ("/api/organizations/", "org_pk", Organization),
    ("/api/organizations/", "id", Organization),
    ("/api/conferences/", "registration_id", Registration),
    ("/api/conferences/", "id", DialogueConference),
    ("/api/needs/", "id", Need),
    ("/api/solutions/", "id", Solution),
    ("/api/slots/", "id", MeetingSlot),
    ("/api/matches/", "id", Match),
    ("/api/responses/", "id", Response),
    ("/api/questions/", "id", Question),
    ("/api/invitations/", "id", Invitation),
    ("/api/join-requests/", "id", JoinRequest),
    ("/api/co-buyer-requests/", "id", CoBuyerRequest),
    ("/api/saved-searches/", "id", SavedSearch),
    ("/api/auth/identities/", "id", ExternalIdentity),
)
BODY_MODELS: dict[str, type[Model]] = {
    "organization": Organization,
    "co_buyer_ids": Organization,
    "need": Need,
    "other_need": Need,
    "need_ids": Need,
    "solution": Solution,
    "membership_id": Membership,
}


@dataclass(frozen=True)
class Marker:
    text: str
    where: str
    # The roles that may read it (advisors read drafts, responses, notes and questions).
    seen_by: frozenset[str]


def _marker(where: str, *seen_by: str) -> Marker:
    return Marker(f"MARKER-{where.upper()}-{uuid.uuid4().hex}", where, frozenset(seen_by))


# Markers each role's run must have read (its own data excepted, only advisors read others'):
# proof that the fuzzing reaches the planted data, so that not reading the rest means something.
SURELY_SEEN: dict[str, set[str]] = {
    "visitor": set(),
    "buyer": set(),
    "supplier": set(),
    "advisor": {"draft-need", "draft-solution", "draft-conference", "response", "rejected"},
}


@pytest.fixture(autouse=True)
def fresh_search_indices() -> Iterator[None]:
    """What the fuzzing indexed leaves with it: the next tests start from empty indices."""
    yield
    backend = search_backend()
    backend.clear()
    backend.ensure_indices()


@pytest.fixture(params=ROLES)
def role(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def markers(world: World) -> list[Marker]:
    """Confidential data of organisations none of the fuzzing roles belongs to, each with a
    unique marker. Advisors may read all but another person's saved search and notifications.
    The fuzzing supplier is registered at the conference where a competitor's question waits
    unanswered (registered suppliers read answered questions only, and never who asked)."""
    found = {
        key: _marker(key, "advisor")
        for key in (
            "draft-need",
            "draft-solution",
            "draft-conference",
            "response",
            "note",
            "question",
            "rejected",
            "contact",
        )
    }
    found |= {key: _marker(key) for key in ("saved-search", "notification")}
    competitor = OrganizationFactory(name="Konkurrent AS", kind=Organization.Kind.SUPPLIER)
    competitor_user = UserFactory(email="selger@konkurrent.no")
    MembershipFactory(user=competitor_user, organization=competitor)
    other_buyer = world.other_buyer_org
    other_need = NeedFactory(organization=other_buyer)
    NeedFactory(
        organization=other_buyer,
        status=Need.Status.DRAFT,
        published_at=None,
        title=found["draft-need"].text,
        description=f"Utkast {found['draft-need'].text}",
    )
    competitor_solution = SolutionFactory(organization=competitor)
    SolutionFactory(
        organization=competitor,
        status=Solution.Status.DRAFT,
        published_at=None,
        title=found["draft-solution"].text,
    )
    ConferenceFactory(
        organization=other_buyer,
        status=DialogueConference.Status.DRAFT,
        published_at=None,
        title=found["draft-conference"].text,
        needs=[other_need],
    )
    ResponseFactory(
        need=other_need,
        organization=competitor,
        summary=found["response"].text,
        body=f"Forretningshemmelig {found['response'].text}",
    )
    MatchNoteFactory(
        match=MatchFactory(need=other_need, solution=competitor_solution),
        text=found["note"].text,
    )
    conference = ConferenceFactory(organization=other_buyer, needs=[other_need])
    RegistrationFactory(conference=conference, organization=world.supplier_org)
    RegistrationFactory(
        conference=conference,
        organization=competitor,
        participants=[{"name": "Kari", "email": f"{found['contact'].text}@konkurrent.no"}],
    )
    QuestionFactory(conference=conference, organization=competitor, text=found["question"].text)
    MatchFactory(
        need=world.need,
        solution=competitor_solution,
        state=Match.State.REJECTED,
        best_pair=[found["rejected"].text, "A safety alarm."],
    )
    SavedSearchFactory(user=competitor_user, name=found["saved-search"].text)
    NotificationFactory(user=competitor_user, title=found["notification"].text)
    return list(found.values())


@pytest.fixture
def http(live_server: Any, world: World, role: str) -> Iterator[requests.Session]:
    """A client as the role: a CSRF cookie and header always, an API token when signed in."""
    session = requests.Session()
    session.get(f"{live_server.url}/api/auth/session/", timeout=30).raise_for_status()
    session.headers["X-CSRFToken"] = session.cookies["csrftoken"]
    session.headers["Referer"] = f"{live_server.url}/"
    user = world.users[role]
    if user is not None:
        _instance, token = auth_services.api_token_create(user=user)
        session.headers["Authorization"] = f"Token {token}"
    yield session
    session.close()


def _ids(model: type[Model]) -> list[int]:
    return sorted(model._default_manager.values_list("pk", flat=True))


def _path_pools(path: str) -> dict[str, list[int]]:
    pools: dict[str, list[int]] = {}
    for prefix, name, model in PATH_MODELS:
        if path.startswith(prefix) and name not in pools:
            pools[name] = _ids(model)
    return pools


def _with_known_ids(
    strategy: st.SearchStrategy[Any], pools: Callable[[str], list[int] | None]
) -> st.SearchStrategy[Any]:
    """Half the time, replace the ids in a dict of generated values by ids of existing rows."""

    def known(values: Any) -> st.SearchStrategy[Any]:
        if not isinstance(values, dict):
            return st.just(values)
        replaced: dict[str, st.SearchStrategy[Any]] = {}
        for key, value in values.items():
            pool = pools(key)
            if not pool:
                replaced[key] = st.just(value)
            elif isinstance(value, list):
                replaced[key] = st.lists(st.sampled_from(pool), max_size=3)
            else:
                replaced[key] = st.sampled_from(pool)
        return st.fixed_dictionaries(replaced)

    return st.one_of(strategy, strategy.flatmap(known))


def _load_schema(base_url: str) -> Any:
    """The schema the live server serves, with generated ids steered towards existing rows."""
    schema = schemathesis.openapi.from_url(f"{base_url}/api/schema/?format=json")
    body_pools = {name: _ids(model) for name, model in BODY_MODELS.items()}

    path_pools: dict[str, dict[str, list[int]]] = {}

    @schema.hook
    def before_generate_path_parameters(context: Any, strategy: Any) -> Any:
        # Read once per path: every draw of a case runs this hook, and ids that change between
        # draws (a case deleted the row) make Hypothesis call the strategy flaky.
        path = context.operation.path
        if path not in path_pools:
            path_pools[path] = _path_pools(path)
        return _with_known_ids(strategy, path_pools[path].get)

    @schema.hook
    def before_generate_body(context: Any, strategy: Any) -> Any:
        return _with_known_ids(strategy, body_pools.get)

    return schema


class MarkerCheck:
    """A schemathesis check: no response (body or headers) carries a marker the role may not
    read. It also notes the markers the role did read, to show the fuzzing reached them."""

    def __init__(self, role: str, markers: list[Marker]) -> None:
        self.role = role
        self.markers = markers
        self.seen: set[str] = set()
        self.__name__ = "no_planted_marker"

    def __call__(self, ctx: Any, response: Any, case: Any) -> None:
        text = response.text_lossy() + repr(response.headers)
        found = {m for m in self.markers if m.text in text}
        self.seen |= {m.where for m in found}
        leaked = sorted(m.where for m in found if self.role not in m.seen_by)
        if leaked:
            raise AssertionError(f"The {self.role} reads confidential data: {', '.join(leaked)}")


def _negatable(operation: Any) -> bool:
    """Whether negative cases exist: a body, a query, or a path parameter that is not free
    text (searching for an invalid free-text path segment only burns time)."""
    raw = operation.definition.raw
    return "requestBody" in raw or any(
        p.get("in") == "query" or p.get("schema", {}).get("type") != "string"
        for p in raw.get("parameters", [])
    )


def _fuzz(operation: Any, http: requests.Session, checks: list[Callable[..., Any]]) -> str | None:
    """Valid, then invalid cases for one operation; the first failure's report, if any."""
    modes = [GenerationMode.POSITIVE, *([GenerationMode.NEGATIVE] if _negatable(operation) else [])]
    for mode in modes:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            derandomize=DETERMINISTIC,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def run(case: Any) -> None:
            case.call_and_validate(session=http, checks=checks)

        try:
            run()
        except Unsatisfiable:  # nothing valid (or invalid) to send
            continue
        except (FailureGroup, Exception) as exc:  # failed checks, or an error sending it
            return f"{operation.label} ({mode.value}): {type(exc).__name__}: {exc}"
    return None


def test_every_operation_as_every_role(
    live_server: Any, http: requests.Session, role: str, markers: list[Marker]
) -> None:
    # given
    schema = _load_schema(live_server.url)
    operations = [result.ok() for result in schema.get_all_operations()]
    marker_check = MarkerCheck(role, markers)
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
        marker_check,
    ]
    # when
    failures = [f for f in (_fuzz(op, http, checks) for op in operations) if f]
    # then
    assert failures == [], "\n\n".join(failures)
    assert len(operations) > 90
    assert marker_check.seen >= SURELY_SEEN[role], sorted(marker_check.seen)
    still_signed_in = http.get(f"{live_server.url}/api/auth/me/", timeout=30)
    assert still_signed_in.status_code == (403 if role == "visitor" else 200)
