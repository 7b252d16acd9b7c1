"""One market with a hidden thing of every kind, and the probes that look for it.

The scene (built once for the package, see conftest.py) holds, for each visibility rule of
DESIGN.md, objects that carry unique marker strings: drafts, responses, rejected matches,
advisor notes, who asked a question, who booked a 1:1 slot, participants' contact data,
what people searched for and did not find.
Each `Hidden` names its markers and the roles that may see them (its insiders). A probe
reads every path as every role and reports each marker found where the role is an outsider.

Markers are lowercase ASCII nonsense words, so that the search analysers keep them whole and
no JSON or HTML escaping hides them.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client, TestCase
from django.utils import timezone
from rest_framework.test import APIClient

from backend.accounts.models import Organization, User
from backend.audit.models import AuditEvent
from backend.dialogue.invitation_services import conference_invite
from backend.dialogue.models import (
    DialogueConference,
    MeetingRequest,
    MeetingSlot,
    Question,
    Registration,
)
from backend.dialogue.ongoing_services import ongoing_open, request_create
from backend.dialogue.record_selectors import meeting_get
from backend.dialogue.record_services import meeting_share, minutes_comment, minutes_save
from backend.dialogue.services import (
    question_answer,
    question_ask,
    registration_create,
    slot_book,
)
from backend.discovery.models import MissedSearch
from backend.discovery.services import search_backend, search_sync
from backend.joint.models import GroupMembership, ProcurementGroup
from backend.matches.models import Match, MatchNote
from backend.matches.services import (
    match_introduce,
    match_note_add,
    match_reject,
    match_shortlist,
)
from backend.needs.models import Need
from backend.needs.services import co_buyer_request_decide, need_update
from backend.notifications.models import Notification
from backend.notifications.news import joint_invited
from backend.research.models import CompetenceProfile, ResearchPartnership
from backend.research.services import (
    partnership_decide,
    partnership_end,
    partnership_invite,
    partnership_update,
    profile_create,
)
from backend.responses.models import Response
from backend.solutions.models import Solution
from backend.solutions.services import solution_archive
from tests.factories import (
    ConferenceFactory,
    MatchFactory,
    MembershipFactory,
    NeedFactory,
    OrganizationFactory,
    ResponseFactory,
    SlotFactory,
    SolutionFactory,
    UserFactory,
)
from tests.factories.joint import GroupMembershipFactory, ProcurementGroupFactory

#: An id no row has: a hidden row must be answered exactly like this one.
MISSING = 987_654_321

#: Every role of the scene. `visitor` is not signed in; `staff` has every model permission in
#: the Django admin but is neither an advisor nor a superuser; `operator` is a superuser.
ROLES = (
    "visitor",
    "owner",
    "co_buyer",
    "pending_co_buyer",
    "other_buyer",
    "unverified_buyer",
    "supplier",
    "rival",
    "asker",
    "booker",
    "unverified_supplier",
    "self_made_advisor",
    "research_partner",
    "granted_partner",
    "ended_partner",
    "advisor",
    "staff",
    "operator",
)
#: Roles that see everything: advisors and operators.
ALL_SEEING = frozenset({"advisor", "operator"})
#: Roles that use the API (the admin's roles read it too, but see everything or nothing more).
API_ROLES = tuple(r for r in ROLES if r not in ALL_SEEING)
#: Paths where organisations themselves are public (Brønnøysund's register is): the list and
#: an organisation's own page.
ORGANISATION_PATHS = (r"/api/organizations/(\d+/)?(\?.*)?$",)
#: The admin's pages of accounts and organisations: who has an account, and where, is not
#: what the rules hide (which question a person asked, which slot they booked, is).
ACCOUNT_ADMIN_PATHS = (r"/admin/accounts/.*",)
#: Admin forms whose select boxes list every organisation (a need's co-buyers).
ORGANISATION_SELECT_PATHS = (r"/admin/needs/need/\d+/change/",)

# --------------------------------------------------------------------------- markers

DRAFT_TITLE = "zqdrafttitle"
DRAFT_BODY = "zqdraftbody"
DRAFT_EFFECT = "zqdrafteffect"
DRAFT_SECTOR = "kultur-og-inkludering"
DRAFT_CPV = "92312000"
DRAFT_STAGE = "forankring"
TRONDHEIM_DRAFT = "zqtrondraft"
DRAFT_CONFERENCE = "zqdraftconf"
DRAFT_SOLUTION = "zqdraftsolution"
ARCHIVED_SOLUTION = "zqarchivedsolution"
RESPONSE_SUMMARY = "zqresponsesummary"
RESPONSE_BODY = "zqresponsebody"
RIVAL_RESPONSE = "zqrivalresponse"
REJECT_REASON = "zqrejectreason"
REJECT_PAIR_REASON = "zqrejectpair"
ADVISOR_NOTE = "zqadvisornote"
REJECTED_NOTE = "zqrejectednote"
ASKER_ORG = "Zqaskerorg"
ASKER_PERSON = "Zqaskerperson"
ASKER_EMAIL = "zqasker@sporreorg.no"
UNANSWERED_QUESTION = "zqunanswered"
BOOKER_ORG = "Zqbookerorg"
BOOKER_PERSON = "Zqbookerperson"
BOOKER_EMAIL = "zqbooker@bookerorg.no"
PARTICIPANT_NAME = "Zqparticipant"
PARTICIPANT_EMAIL = "zqparticipant@helsetek.no"
PARTICIPANT_ROLE = "Zqparticiprole"
RIVAL_PARTICIPANT = "Zqrivalparticipant"
RIVAL_PARTICIPANT_EMAIL = "zqrivalparticipant@konkurrent.no"
ASKER_PARTICIPANT = "Zqaskerparticipant"
BOOKER_PARTICIPANT = "Zqbookerparticipant"
MISSED_QUERY = "zqmissedquery"
MINUTES_TEXT = "zqminutestext"
MINUTES_COMMENT = "zqminutescomment"
SHARED_TEXT = "zqsharedtext"
BUSINESS_SECRET = "zqbusinesssecret"
REQUEST_TOPIC = "zqrequesttopic"
INVITATION_MESSAGE = "zqinvitationmessage"
SHARED_NOTE = "zqsharednote"
PROFILE_DRAFT = "zqprofiledraft"
JOINT_MESSAGE = "zqjointmessage"
JOINT_SHARED = "zqjointshared"


@dataclass(frozen=True)
class Hidden:
    """Something confidential: its markers and who may see them."""

    rule: str
    name: str
    markers: tuple[str, ...]
    insiders: frozenset[str]
    #: Paths (regular expressions) where the markers are public for everyone.
    public_paths: tuple[str, ...] = ()

    def hidden_from(self, role: str) -> bool:
        return role not in self.insiders and role not in ALL_SEEING


def _insiders(*roles: str) -> frozenset[str]:
    return frozenset(roles)


HIDDEN: tuple[Hidden, ...] = (
    # drafts -------------------------------------------------------------------------
    Hidden(
        "drafts",
        "Bergen's draft need: title",
        (DRAFT_TITLE,),
        # The organisation asked to be co-buyer is told which need (its title) to decide on;
        # a research partner on it reads it through its partnership; one whose partnership
        # ended was told the title in its invitation (its inbox and its data export keep it).
        _insiders("owner", "pending_co_buyer", "research_partner", "ended_partner"),
    ),
    Hidden(
        "drafts",
        "Bergen's draft need: text",
        (DRAFT_BODY, DRAFT_EFFECT),
        _insiders("owner", "research_partner"),
    ),
    Hidden("drafts", "Trondheim's draft need", (TRONDHEIM_DRAFT,), _insiders("other_buyer")),
    Hidden("drafts", "Bergen's draft conference", (DRAFT_CONFERENCE,), _insiders("owner")),
    Hidden("drafts", "Helsetek's draft solution", (DRAFT_SOLUTION,), _insiders("supplier")),
    Hidden("drafts", "Helsetek's archived solution", (ARCHIVED_SOLUTION,), _insiders("supplier")),
    # responses ----------------------------------------------------------------------
    Hidden(
        "responses",
        "Helsetek's response",
        (RESPONSE_SUMMARY, RESPONSE_BODY),
        # The research partner the buyer granted it reads them (not the business secrets).
        _insiders("owner", "co_buyer", "supplier", "granted_partner"),
    ),
    Hidden(
        "responses",
        "a section Helsetek marked as a business secret",
        (BUSINESS_SECRET,),
        _insiders("owner", "co_buyer", "supplier"),
    ),
    Hidden(
        "responses",
        "Konkurrent's response",
        (RIVAL_RESPONSE,),
        _insiders("owner", "co_buyer", "rival", "granted_partner"),
    ),
    # rejected matches ---------------------------------------------------------------
    Hidden(
        "rejected_matches", "rejection reasons", (REJECT_REASON, REJECT_PAIR_REASON), _insiders()
    ),
    # advisor notes ------------------------------------------------------------------
    Hidden("advisor_notes", "notes", (ADVISOR_NOTE, REJECTED_NOTE), _insiders()),
    # who asked ----------------------------------------------------------------------
    Hidden(
        "question_askers",
        "the asking organisation",
        (ASKER_ORG,),
        _insiders("owner", "asker"),
        public_paths=ORGANISATION_PATHS + ACCOUNT_ADMIN_PATHS + ORGANISATION_SELECT_PATHS,
    ),
    Hidden(
        "question_askers",
        "the asking person",
        (ASKER_PERSON, ASKER_EMAIL),
        _insiders("asker"),
        public_paths=ACCOUNT_ADMIN_PATHS,
    ),
    Hidden(
        "question_askers",
        "an unanswered question",
        (UNANSWERED_QUESTION,),
        _insiders("owner", "asker"),
    ),
    # who booked ---------------------------------------------------------------------
    Hidden(
        "slot_bookers",
        "the booking organisation",
        (BOOKER_ORG,),
        _insiders("owner", "booker"),
        public_paths=ORGANISATION_PATHS + ACCOUNT_ADMIN_PATHS + ORGANISATION_SELECT_PATHS,
    ),
    Hidden(
        "slot_bookers",
        "the booking person",
        (BOOKER_PERSON, BOOKER_EMAIL),
        _insiders("booker"),
        public_paths=ACCOUNT_ADMIN_PATHS,
    ),
    # participants -------------------------------------------------------------------
    Hidden(
        "participant_contacts",
        "Helsetek's participants",
        (PARTICIPANT_NAME, PARTICIPANT_EMAIL, PARTICIPANT_ROLE),
        _insiders("owner", "supplier"),
    ),
    Hidden(
        "participant_contacts",
        "Konkurrent's participants",
        (RIVAL_PARTICIPANT, RIVAL_PARTICIPANT_EMAIL),
        _insiders("owner", "rival"),
    ),
    Hidden(
        "participant_contacts",
        "the asker's participants",
        (ASKER_PARTICIPANT,),
        _insiders("owner", "asker"),
    ),
    Hidden(
        "participant_contacts",
        "the booker's participants",
        (BOOKER_PARTICIPANT,),
        _insiders("owner", "booker"),
    ),
    # the equal-treatment record ---------------------------------------------------
    Hidden(
        "minutes",
        "the minutes of a held 1:1 meeting and the supplier's comment",
        (MINUTES_TEXT, MINUTES_COMMENT),
        _insiders("owner", "booker"),
    ),
    Hidden(
        "minutes",
        "what was shared in the dialogue (its buyers and the registered suppliers)",
        (SHARED_TEXT,),
        _insiders(
            "owner", "co_buyer", "supplier", "rival", "asker", "booker", "unverified_supplier"
        ),
    ),
    # ongoing dialogue -------------------------------------------------------------
    Hidden(
        "ongoing",
        "a supplier's request for a meeting in the ongoing dialogue",
        (REQUEST_TOPIC,),
        _insiders("owner", "rival"),
    ),
    # invitations ------------------------------------------------------------------
    Hidden(
        "invitations",
        "the buyer's invitation of a supplier to a conference (who, and its message)",
        (INVITATION_MESSAGE,),
        _insiders("owner", "rival"),
    ),
    # joint procurement (issue 14) ----------------------------------------------------
    Hidden(
        "joint",
        "a buyer's invitation to a joint procurement: its greeting",
        (JOINT_MESSAGE,),
        _insiders("owner", "other_buyer"),
    ),
    Hidden(
        "joint",
        "a joint procurement still forming: its shared text (the lead and the buyer invited)",
        (JOINT_SHARED,),
        _insiders("owner", "other_buyer"),
    ),
    # research partners (issue 14) ---------------------------------------------------
    Hidden(
        "research",
        "what the buyer shares with its research partners",
        (SHARED_NOTE,),
        _insiders("owner", "research_partner", "granted_partner"),
    ),
    Hidden(
        "research",
        "a research institution's draft competence profile",
        (PROFILE_DRAFT,),
        _insiders("research_partner"),
    ),
    # what people could not find -----------------------------------------------------
    Hidden(
        "missed_searches",
        "a search that found nothing (what someone looked for)",
        (MISSED_QUERY,),
        _insiders(),
    ),
)


def hidden_of(rule: str) -> tuple[Hidden, ...]:
    return tuple(h for h in HIDDEN if h.rule == rule)


# --------------------------------------------------------------------------- the scene


@dataclass
class Scene:
    users: dict[str, User | None]
    orgs: dict[str, Organization]
    need: Need
    draft_need: Need
    other_need: Need
    other_draft: Need
    conference: DialogueConference
    draft_conference: DialogueConference
    draft_linked_conference: DialogueConference
    solution: Solution
    rival_solution: Solution
    draft_solution: Solution
    archived_solution: Solution
    response: Response
    rival_response: Response
    match: Match
    rejected_match: Match
    rejected_pair: Match
    archived_match: Match
    draft_solution_match: Match
    draft_other_need_match: Match
    slot: MeetingSlot
    free_slot: MeetingSlot
    draft_slot: MeetingSlot
    held_slot: MeetingSlot
    meeting_request: MeetingRequest
    answered_question: Question
    unanswered_question: Question
    registrations: dict[str, Registration]
    missed_search: MissedSearch
    mails: list[mail.EmailMessage] = field(default_factory=list)
    #: Research partnerships by role, and the competence profiles ("published", "draft").
    partnerships: dict[str, ResearchPartnership] = field(default_factory=dict)
    profiles: dict[str, CompetenceProfile] = field(default_factory=dict)
    #: Bergen's joint procurement (forming) and its invitation of Trondheim's need.
    joint_group: int = 0
    joint_invitation: int = 0
    _reads: dict[str, dict[str, tuple[int, bytes]]] = field(default_factory=dict)

    def user(self, role: str) -> User | None:
        """A fresh copy of the role's user (no role cache carried between requests)."""
        user = self.users[role]
        return None if user is None else User.objects.get(pk=user.pk)

    def client(self, role: str, *, raise_errors: bool = True) -> APIClient:
        client = APIClient(raise_request_exception=raise_errors)
        user = self.user(role)
        if user is not None:
            client.force_authenticate(user)
        return client

    def browser(self, role: str) -> Client:
        """A signed-in session, as the Django admin needs."""
        client = Client()
        user = self.user(role)
        if user is not None:
            client.force_login(user)
        return client

    def public_ids(self) -> dict[str, list[int]]:
        return {
            "need": list(
                Need.objects.filter(status__in=("published", "closed")).values_list("pk", flat=True)
            ),
            "solution": list(
                Solution.objects.filter(status="published").values_list("pk", flat=True)
            ),
            "conference": list(
                DialogueConference.objects.filter(
                    status__in=("published", "cancelled")
                ).values_list("pk", flat=True)
            ),
        }

    def reads(self, role: str) -> dict[str, tuple[int, bytes]]:
        """Every read path as `role`: path → (status, body). Read once, shared by modules, so
        a test must never write before it first reads (its writes would be cached)."""
        if role not in self._reads:
            client = self.client(role, raise_errors=False)
            pages: dict[str, tuple[int, bytes]] = {}
            for path in read_paths(self):
                answer = client.get(path)
                pages[path] = (answer.status_code, _body(answer))
            self._reads[role] = pages
        return self._reads[role]


def _body(answer: Any) -> bytes:
    """The body as it would be read: an XLSX export (a zip) unpacked into its XML parts."""
    if getattr(answer, "streaming", False):
        body = b"".join(answer.streaming_content)
    else:
        body = bytes(answer.content)
    if body.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return b"".join(archive.read(name) for name in archive.namelist())
    return body


def leaks_in(role: str, pages: dict[str, bytes], hidden: Iterable[Hidden]) -> list[str]:
    """'path: marker (what)' for every marker of a thing hidden from `role` found in a page."""
    found = []
    for h in hidden:
        if not h.hidden_from(role):
            continue
        for path, body in pages.items():
            if any(re.fullmatch(p, path) for p in h.public_paths):
                continue
            found.extend(f"{path}: {m} ({h.name})" for m in h.markers if m.encode() in body)
    return found


def read_leaks(scene: Scene, role: str, hidden: Iterable[Hidden]) -> list[str]:
    pages = {path: body for path, (_status, body) in scene.reads(role).items()}
    return leaks_in(role, pages, hidden)


def mail_pages(messages: Iterable[mail.EmailMessage]) -> dict[str, dict[str, bytes]]:
    """Each recipient's e-mails as pages, keyed by recipient address."""
    pages: dict[str, dict[str, bytes]] = {}
    for n, message in enumerate(messages):
        text = f"{message.subject}\n{message.body}".encode()
        for to in message.to:
            pages.setdefault(to, {})[f"mail #{n} {message.subject!r}"] = text
    return pages


def csv_rows(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


# --------------------------------------------------------------------------- paths


def _ids(scene: Scene) -> dict[str, list[int]]:
    return {
        "need": [
            scene.need.pk,
            scene.draft_need.pk,
            scene.other_need.pk,
            scene.other_draft.pk,
            MISSING,
        ],
        "solution": [
            scene.solution.pk,
            scene.rival_solution.pk,
            scene.draft_solution.pk,
            scene.archived_solution.pk,
            MISSING,
        ],
        "conference": [
            scene.conference.pk,
            scene.draft_conference.pk,
            scene.draft_linked_conference.pk,
            MISSING,
        ],
        "response": [scene.response.pk, scene.rival_response.pk, MISSING],
        "slot": [
            scene.slot.pk,
            scene.free_slot.pk,
            scene.draft_slot.pk,
            scene.held_slot.pk,
            MISSING,
        ],
        "meeting_request": [scene.meeting_request.pk, MISSING],
        "joint_group": [scene.joint_group, MISSING],
        "joint_membership": [scene.joint_invitation, MISSING],
        "match": [
            scene.match.pk,
            scene.rejected_match.pk,
            scene.rejected_pair.pk,
            scene.archived_match.pk,
            scene.draft_solution_match.pk,
            scene.draft_other_need_match.pk,
            MISSING,
        ],
        "partnership": [*(p.pk for p in scene.partnerships.values()), MISSING],
        "profile": [*(p.pk for p in scene.profiles.values()), MISSING],
        # The organisations with something hidden (or asked about it): the others are alike.
        "organization": [
            scene.orgs[r].pk for r in ("owner", "other_buyer", "supplier", "asker", "booker")
        ],
    }


#: List endpoints and their query variants: filters and orderings on every field a hidden
#: object could be told apart by.
LIST_QUERIES: dict[str, tuple[str, ...]] = {
    "/api/needs/": (
        "",
        "?status=draft",
        f"?sector={DRAFT_SECTOR}",
        f"?stage={DRAFT_STAGE}",
        f"?cpv_division={DRAFT_CPV[:2]}",
        "?mine=true",
        "?seeks_pilot=true",
        "?seeks_pilot=false",
        "?ordering=title",
        "?ordering=-created_at",
        "?page_size=100",
    ),
    "/api/solutions/": ("", "?status=draft", "?status=archived", "?mine=true", "?ordering=-trl"),
    "/api/conferences/": ("", "?status=draft", "?upcoming=true", "?ordering=-created_at"),
    "/api/responses/": ("", "?confidential=true", "?ordering=created_at"),
    "/api/matches/": ("", "?state=rejected", "?kind=need_need", "?ordering=-score"),
    "/api/matches/queue/": ("", "?kind=need_need", "?state=rejected", "?sort=newest"),
    "/api/matches/queue/counts/": ("", "?state=rejected"),
    "/api/matches/export/": ("", "?file_format=xlsx"),
    "/api/notifications/": ("", "?unread=true", "?unread=false"),
    "/api/notifications/unread-count/": ("",),
    "/api/notifications/preferences/": ("",),
    "/api/slots/mine/": ("",),
    "/api/co-buyer-requests/": ("",),
    "/api/joint-groups/": ("", "?status=forming", "?county=46", "?ordering=title"),
    "/api/joint-memberships/": ("", "?state=invited"),
    "/api/saved-searches/": ("",),
    "/api/join-requests/": ("",),
    "/api/organizations/": ("",),
    "/api/auth/me/": ("",),
    "/api/auth/me/export/": ("",),
    "/api/auth/session/": ("",),
    "/api/auth/tokens/": ("",),
    "/api/auth/identities/": ("",),
    "/api/stats/pipeline/": ("",),
    "/api/insights/barometer/": ("", "?period=month"),
    "/api/insights/barometer/export/": ("", "?file_format=xlsx", "?period=month"),
    "/api/search/missed/": ("", "?days=7", "?days=180", "?page_size=100"),
    "/api/reference/sectors/": ("",),
    "/api/research/profiles/": ("", "?status=draft", "?mine=true", f"?q={PROFILE_DRAFT}"),
    "/api/research/partnerships/": ("", "?state=ended", "?state=accepted", "?page_size=100"),
}

#: Detail endpoints, by the kind of id they take.
DETAIL_PATHS: dict[str, tuple[str, ...]] = {
    "need": (
        "/api/needs/{}/",
        "/api/needs/{}/notice.xml",
        "/api/needs/{}/ocds.json",
        "/api/needs/{}/notice-texts/",
        "/api/needs/{}/matches/",
        "/api/needs/{}/similar/",
        "/api/needs/{}/responses/",
        "/api/needs/{}/shared-information/",
        "/api/needs/{}/ongoing-dialogue/",
        "/api/needs/{}/meeting-requests/",
        "/api/conferences/?needs={}",
        "/api/responses/?need={}",
        "/api/matches/?need={}",
        "/api/matches/note-counts/?need={}",
        "/api/needs/{}/research-suggestions/",
        "/api/research/partnerships/?need={}",
        "/api/needs/{}/joint-procurement/",
        "/api/needs/{}/pilot/",
    ),
    "solution": ("/api/solutions/{}/", "/api/solutions/{}/matches/", "/api/matches/?solution={}"),
    "conference": (
        "/api/conferences/{}/",
        "/api/conferences/{}/registrations/",
        "/api/conferences/{}/registrations/export/",
        "/api/conferences/{}/registrations/export/?file_format=xlsx",
        "/api/conferences/{}/slots/",
        "/api/conferences/{}/questions/",
        "/api/conferences/{}/shared-information/",
        "/api/conferences/{}/invitations/",
        "/api/slots/mine/?conference={}",
    ),
    "response": ("/api/responses/{}/", "/api/responses/{}/access-log/"),
    "slot": ("/api/slots/{}/minutes/",),
    "meeting_request": ("/api/meeting-requests/{}/minutes/",),
    "joint_group": ("/api/joint-groups/{}/",),
    "joint_membership": ("/api/joint-memberships/{}/",),
    "match": ("/api/matches/{}/", "/api/matches/{}/notes/"),
    "partnership": ("/api/research/partnerships/{}/", "/api/research/partnerships/{}/responses/"),
    "profile": ("/api/research/profiles/{}/",),
    "organization": (
        "/api/organizations/{}/",
        "/api/organizations/{}/members/",
        "/api/organizations/{}/join-requests/",
        "/api/organizations/{}/invitations/",
        "/api/organizations/{}/response-access-log/",
        "/api/responses/?organization={}",
        "/api/conferences/?organization={}",
    ),
}


def read_paths(scene: Scene) -> list[str]:
    paths = [f"{base}{query}" for base, queries in LIST_QUERIES.items() for query in queries]
    for kind, ids in _ids(scene).items():
        paths.extend(template.format(pk) for template in DETAIL_PATHS[kind] for pk in ids)
    return paths


# --------------------------------------------------------------------------- building


def _member(org: Organization, email: str, full_name: str = "", **kw: Any) -> User:
    user = UserFactory(email=email, **({"full_name": full_name} if full_name else {}), **kw)
    MembershipFactory(user=user, organization=org)
    return user


def _people(name: str, email: str, role: str = "Daglig leder") -> list[dict[str, str]]:
    return [{"name": name, "email": email, "role": role}]


def _orgs() -> dict[str, Organization]:
    supplier = Organization.Kind.SUPPLIER
    return {
        "owner": OrganizationFactory(name="Bergen kommune"),
        "co_buyer": OrganizationFactory(name="Stavanger kommune", county="11"),
        "pending_co_buyer": OrganizationFactory(name="Askøy kommune"),
        "other_buyer": OrganizationFactory(name="Trondheim kommune", county="50"),
        "unverified_buyer": OrganizationFactory(name="Nykommune", verified=False),
        "supplier": OrganizationFactory(name="Helsetek AS", kind=supplier),
        "rival": OrganizationFactory(name="Konkurrent AS", kind=supplier),
        "asker": OrganizationFactory(name=f"{ASKER_ORG} AS", kind=supplier),
        "booker": OrganizationFactory(name=f"{BOOKER_ORG} AS", kind=supplier),
        "unverified_supplier": OrganizationFactory(
            name="Ny leverandør AS", kind=supplier, verified=False
        ),
        "self_made_advisor": OrganizationFactory(
            name="Rådgiver AS", kind=Organization.Kind.ADVISORY, verified=False
        ),
        "research_partner": OrganizationFactory(
            name="SINTEF Digital", kind=Organization.Kind.RESEARCH
        ),
        "granted_partner": OrganizationFactory(
            name="NTNU Senter for omsorgsforskning", kind=Organization.Kind.RESEARCH
        ),
        "ended_partner": OrganizationFactory(
            name="OsloMet Institutt for sykepleie", kind=Organization.Kind.RESEARCH
        ),
        "advisor": OrganizationFactory(name="LUP", kind=Organization.Kind.ADVISORY),
    }


def _users(orgs: dict[str, Organization]) -> dict[str, User | None]:
    users: dict[str, User | None] = {"visitor": None}
    for role, org in orgs.items():
        users[role] = _member(org, f"{role.replace('_', '-')}@scene.no")
    users["asker"] = _member(orgs["asker"], ASKER_EMAIL, f"{ASKER_PERSON} Hansen")
    users["booker"] = _member(orgs["booker"], BOOKER_EMAIL, f"{BOOKER_PERSON} Olsen")
    users["staff"] = UserFactory(email="stotte@scene.no", is_staff=True)
    users["staff"].user_permissions.set(Permission.objects.all())
    users["operator"] = UserFactory(email="drift@scene.no", is_staff=True, is_superuser=True)
    return users


def _needs(orgs: dict[str, Organization]) -> dict[str, Need]:
    draft = {"status": Need.Status.DRAFT, "published_at": None}
    return {
        "need": NeedFactory(organization=orgs["owner"]),
        "draft_need": NeedFactory(
            organization=orgs["owner"],
            title=f"{DRAFT_TITLE} kulturhus for alle",
            description=f"Et hemmelig utkast om {DRAFT_BODY} som ingen andre skal lese ennå.",
            desired_effect=f"Flere besøkende ({DRAFT_EFFECT}).",
            sector=DRAFT_SECTOR,
            cpv_codes=[DRAFT_CPV],
            stage=DRAFT_STAGE,
            county="03",
            **draft,
        ),
        "other_need": NeedFactory(organization=orgs["other_buyer"], county="50"),
        "other_draft": NeedFactory(
            organization=orgs["other_buyer"],
            title=f"{TRONDHEIM_DRAFT} utkast i Trondheim",
            **draft,
        ),
    }


def _solutions(orgs: dict[str, Organization]) -> dict[str, Solution]:
    return {
        "solution": SolutionFactory(organization=orgs["supplier"]),
        "rival_solution": SolutionFactory(organization=orgs["rival"]),
        "draft_solution": SolutionFactory(
            organization=orgs["supplier"],
            title=f"{DRAFT_SOLUTION} prototype",
            status=Solution.Status.DRAFT,
            published_at=None,
        ),
        "archived_solution": SolutionFactory(
            organization=orgs["supplier"],
            title=f"{ARCHIVED_SOLUTION} gammel alarm",
            description=f"Den gamle alarmen {ARCHIVED_SOLUTION} som vi har sluttet å selge.",
        ),
    }


def _conferences(orgs: dict[str, Organization], needs: dict[str, Need]) -> dict[str, Any]:
    conference = ConferenceFactory(organization=orgs["owner"], needs=[needs["need"]])
    draft_conference = ConferenceFactory(
        organization=orgs["owner"],
        title=f"{DRAFT_CONFERENCE} planlagt konferanse",
        status=DialogueConference.Status.DRAFT,
        published_at=None,
        needs=[needs["need"]],
    )
    return {
        "conference": conference,
        "draft_conference": draft_conference,
        # A published conference that links a draft need (the need is announced later).
        "draft_linked_conference": ConferenceFactory(
            organization=orgs["owner"],
            title="zqlinkedconf: dialogkonferanse om et kommende behov",
            needs=[needs["draft_need"]],
        ),
        "slot": SlotFactory(conference=conference),
        "free_slot": SlotFactory(conference=conference),
        "draft_slot": SlotFactory(conference=draft_conference),
        "held_slot": SlotFactory(
            conference=conference, starts_at=timezone.now() - timedelta(hours=3)
        ),
    }


def _invite(users: dict[str, User | None], rival_solution: Solution, conference: Any) -> None:
    """The owner invites the rival (by its solution) before it registers, with a message."""
    conference_invite(
        invited_by=users["owner"],  # type: ignore[arg-type]
        conference=conference,
        solution_ids=[rival_solution.pk],
        message=f"Vi håper dere vil delta ({INVITATION_MESSAGE}).",
    )


def _dialogue(users: dict[str, User | None], orgs: dict[str, Organization], c: dict[str, Any]):  # type: ignore[no-untyped-def]
    conference = c["conference"]
    people = {
        "supplier": _people(f"{PARTICIPANT_NAME} Nilsen", PARTICIPANT_EMAIL, PARTICIPANT_ROLE),
        "rival": _people(f"{RIVAL_PARTICIPANT} Berg", RIVAL_PARTICIPANT_EMAIL),
        "asker": _people(f"{ASKER_PARTICIPANT} Lie", "deltaker@sporreorg.no"),
        "booker": _people(f"{BOOKER_PARTICIPANT} Dahl", "deltaker@bookerorg.no"),
        "unverified_supplier": _people("Per Ny", "per@nyleverandor.no"),
    }
    registrations = {
        role: registration_create(
            user=users[role],  # type: ignore[arg-type]
            conference=conference,
            organization=orgs[role],
            participants=participants,
        )
        for role, participants in people.items()
    }
    slot_book(user=users["booker"], slot=c["slot"], organization=orgs["booker"])  # type: ignore[arg-type]
    answered = question_ask(
        user=users["asker"],  # type: ignore[arg-type]
        conference=conference,
        organization=orgs["asker"],
        text="Må alarmen virke uten strøm i minst åtte timer?",
    )
    unanswered = question_ask(
        user=users["asker"],  # type: ignore[arg-type]
        conference=conference,
        organization=orgs["asker"],
        text=f"Hvem leverer i dag ({UNANSWERED_QUESTION})?",
    )
    question_answer(user=users["owner"], question=answered, answer="Ja, i minst åtte timer.")  # type: ignore[arg-type]
    return registrations, answered, unanswered


def _record(users: dict[str, User | None], held: MeetingSlot) -> None:
    """The booker's held 1:1 meeting (booked before it was held, past its limit of one),
    its minutes (sent), the booker's comment and what was shared."""
    owner, booker = users["owner"], users["booker"]
    assert owner is not None and booker is not None
    held.booked_by, held.booked_by_user = booker.memberships.get().organization, booker
    held.save(update_fields=["booked_by", "booked_by_user"])
    minutes = f"Leverandøren viste løsningen ({MINUTES_TEXT})."
    minutes_save(
        user=owner, meeting=meeting_get(user=owner, slot_id=held.pk), text=minutes, send=True
    )
    meeting = meeting_get(user=booker, slot_id=held.pk)
    minutes_comment(user=booker, meeting=meeting, text=f"Vi har fem kunder ({MINUTES_COMMENT}).")
    meeting_share(
        user=owner,
        meeting=meeting_get(user=owner, slot_id=held.pk),
        kind="clarification",
        text=f"Piloten gjelder tre sykehjem ({SHARED_TEXT}).",
    )


def _ongoing(
    users: dict[str, User | None], orgs: dict[str, Organization], need: Need
) -> MeetingRequest:
    """The need's ongoing dialogue, opened by its buyer; the rival asks for a meeting."""
    dialogue = ongoing_open(
        user=users["owner"],  # type: ignore[arg-type]
        need=need,
        data={"weekly_capacity": 3, "place": "Bergen rådhus"},
    )
    return request_create(
        user=users["rival"],  # type: ignore[arg-type]
        dialogue=dialogue,
        organization=orgs["rival"],
        week=timezone.localdate() + timedelta(days=7 - timezone.localdate().weekday()),
        topic=f"Vi vil vise vår metode ({REQUEST_TOPIC}).",
    )


def _matches(
    users: dict[str, User | None], needs: dict[str, Need], sols: dict[str, Solution]
) -> dict[str, Match]:
    advisor = users["advisor"]
    need = needs["need"]
    matches = {
        "match": MatchFactory(need=need, solution=sols["solution"]),
        "rejected_match": MatchFactory(need=need, solution=sols["rival_solution"], score=0.9),
        "rejected_pair": MatchFactory(
            need=need, solution=None, other_need=needs["other_need"], kind=Match.Kind.NEED_NEED
        ),
        "archived_match": MatchFactory(need=need, solution=sols["archived_solution"]),
        "draft_solution_match": MatchFactory(
            need=need, solution=sols["draft_solution"], source=Match.Source.MANUAL
        ),
        "draft_other_need_match": MatchFactory(
            need=need,
            solution=None,
            other_need=needs["other_draft"],
            kind=Match.Kind.NEED_NEED,
            source=Match.Source.MANUAL,
        ),
    }
    match_shortlist(user=advisor, match=matches["match"])  # type: ignore[arg-type]
    match_note_add(user=advisor, match=matches["match"], text=f"Ring først ({ADVISOR_NOTE}).")  # type: ignore[arg-type]
    match_note_add(user=advisor, match=matches["rejected_match"], text=f"Nei ({REJECTED_NOTE}).")  # type: ignore[arg-type]
    match_reject(
        user=advisor,  # type: ignore[arg-type]
        match=matches["rejected_match"],
        reason=f"Dekker ikke behovet ({REJECT_REASON}).",
    )
    match_reject(
        user=advisor,  # type: ignore[arg-type]
        match=matches["rejected_pair"],
        reason=f"Ulike behov ({REJECT_PAIR_REASON}).",
    )
    match_introduce(user=advisor, match=matches["match"])  # type: ignore[arg-type]
    return matches


def _co_buyers(
    users: dict[str, User | None], orgs: dict[str, Organization], needs: dict[str, Need]
) -> None:
    owner = users["owner"]
    need_update(
        user=owner,  # type: ignore[arg-type]
        need=needs["need"],
        data={"co_buyers": [orgs["co_buyer"], orgs["pending_co_buyer"]]},
    )
    need_update(
        user=owner, need=needs["draft_need"], data={"co_buyers": [orgs["pending_co_buyer"]]}
    )  # type: ignore[arg-type]
    request = needs["need"].co_buyer_requests.get(organization=orgs["co_buyer"])
    co_buyer_request_decide(user=users["co_buyer"], request=request, accept=True)  # type: ignore[arg-type]


def _joint(users: dict[str, User | None], needs: dict[str, Need]) -> GroupMembership:
    """Bergen's joint procurement, still forming, and its invitation of Trondheim's published
    need (with a greeting); Trondheim is told, as the invitation service tells it."""
    need = needs["need"]
    group = ProcurementGroupFactory(
        lead_need=need,
        title=f"Felles trygghetsalarmer ({JOINT_SHARED})",
        description=f"Bergen og Trondheim anskaffer sammen ({JOINT_SHARED}).",
        status=ProcurementGroup.Status.FORMING,
        created_by=users["owner"],
    )
    GroupMembershipFactory(group=group, need=need)
    invitation = GroupMembershipFactory(
        group=group,
        need=needs["other_need"],
        state=GroupMembership.State.INVITED,
        message=f"Skal vi anskaffe sammen? ({JOINT_MESSAGE})",
        invited_by=users["owner"],
    )
    joint_invited(invitation)
    return invitation  # type: ignore[no-any-return]


def _research(
    users: dict[str, User | None], orgs: dict[str, Organization], needs: dict[str, Need]
) -> tuple[dict[str, ResearchPartnership], dict[str, CompetenceProfile]]:
    """Bergen's research partners: one on the need and its draft (accepted, not granted the
    responses), one granted them on the need, one whose partnerships on both ended after the
    grant. The first institution has a published and a draft competence profile."""
    owner = users["owner"]
    assert owner is not None
    note = f"Vi deler gevinstkartet og kravspesifikasjonen ({SHARED_NOTE})."
    made: dict[str, ResearchPartnership] = {}
    plan = (
        ("research_partner", ("need", "draft_need"), False, False),
        ("granted_partner", ("need",), True, False),
        ("ended_partner", ("need", "draft_need"), True, True),
    )
    for role, need_keys, grant, end in plan:
        partner = users[role]
        assert partner is not None
        for key in need_keys:
            row = partnership_invite(
                user=owner, need=needs[key], organization=orgs[role], shared_note=note
            )
            row = partnership_decide(user=partner, partnership=row, accept=True)
            if grant:
                row = partnership_update(user=owner, partnership=row, may_read_responses=True)
            if end:
                row = partnership_end(user=partner, partnership=row)
            made[f"{role}:{key}"] = row
    partner = users["research_partner"]
    assert partner is not None
    base = {
        "description": "Følgeforskning på velferdsteknologi, trygghet og fall hos eldre.",
        "sectors": ["helse-og-omsorg"],
    }
    profiles = {
        "published": profile_create(
            user=partner,
            organization=orgs["research_partner"],
            data={"title": "Velferdsteknologi og følgeforskning", "status": "published", **base},
        ),
        "draft": profile_create(
            user=partner,
            organization=orgs["research_partner"],
            data={"title": f"Et utkast ({PROFILE_DRAFT})", **base},
        ),
    }
    return made, profiles


def scene_build() -> Scene:
    """Build the market inside the caller's transaction; index what is public; keep the
    e-mails the building sent."""
    mail.outbox = []
    with TestCase.captureOnCommitCallbacks(execute=True):
        orgs = _orgs()
        users = _users(orgs)
        needs = _needs(orgs)
        sols = _solutions(orgs)
        conf = _conferences(orgs, needs)
        for kind, ids in (
            ("need", [n.pk for n in needs.values()]),
            ("solution", [s.pk for s in sols.values()]),
            (
                "conference",
                [conf[k].pk for k in ("conference", "draft_conference", "draft_linked_conference")],
            ),
        ):
            search_sync(entity=kind, ids=ids)
        responses = {
            "response": ResponseFactory(
                need=needs["need"],
                organization=orgs["supplier"],
                author=users["supplier"],
                summary=f"Radarbasert tilsyn ({RESPONSE_SUMMARY})",
                body=f"Forretningshemmelig pris: 1 200 kroner ({RESPONSE_BODY}).\n\n"
                f"Vår metode for kalibrering ({BUSINESS_SECRET}).",
                sections=[
                    {
                        "text": f"Forretningshemmelig pris: 1 200 kroner ({RESPONSE_BODY}).",
                        "business_secret": False,
                        "reason": "",
                    },
                    {
                        "text": f"Vår metode for kalibrering ({BUSINESS_SECRET}).",
                        "business_secret": True,
                        "reason": "Metoden er vår konkurransefordel.",
                    },
                ],
            ),
            "rival_response": ResponseFactory(
                need=needs["need"],
                organization=orgs["rival"],
                author=users["rival"],
                summary="Konkurrentens innspill",
                body=f"Vår hemmelige metode ({RIVAL_RESPONSE}).",
            ),
        }
        _invite(users, sols["rival_solution"], conf["conference"])
        registrations, answered, unanswered = _dialogue(users, orgs, conf)
        _record(users, conf["held_slot"])
        meeting_request = _ongoing(users, orgs, needs["need"])
        matches = _matches(users, needs, sols)
        _co_buyers(users, orgs, needs)
        partnerships, profiles = _research(users, orgs, needs)
        joint = _joint(users, needs)
        # Once public, now archived: its words were in the index (did-you-mean, autocomplete).
        solution_archive(user=users["supplier"], solution=sols["archived_solution"])  # type: ignore[arg-type]
    for entity in (*needs.values(), *sols.values()):
        entity.refresh_from_db()
    return Scene(
        users=users,
        orgs=orgs,
        **needs,
        conference=conf["conference"],
        draft_conference=conf["draft_conference"],
        draft_linked_conference=conf["draft_linked_conference"],
        **sols,
        **responses,
        **matches,
        slot=conf["slot"],
        free_slot=conf["free_slot"],
        draft_slot=conf["draft_slot"],
        held_slot=conf["held_slot"],
        meeting_request=meeting_request,
        answered_question=answered,
        unanswered_question=unanswered,
        registrations=registrations,
        missed_search=_missed_search(users),
        joint_group=joint.group_id,
        joint_invitation=joint.pk,
        mails=list(mail.outbox),
        partnerships=partnerships,
        profiles=profiles,
    )


def _missed_search(users: dict[str, User | None]) -> MissedSearch:
    """A competitor searched for something nobody offers: what it looks for is its strategy."""
    client = APIClient()
    client.force_authenticate(users["rival"])
    answer = client.get("/api/search/", {"q": MISSED_QUERY, "type": "need"})
    assert answer.status_code == 200, answer.content[:300]
    return MissedSearch.objects.get(query=MISSED_QUERY)


def scene_unindex(scene: Scene) -> None:
    backend = search_backend()
    for kind, ids in _ids(scene).items():
        if kind in ("need", "solution", "conference"):
            backend.delete(kind, [i for i in ids if i != MISSING])  # type: ignore[arg-type]


def notes_of(match: Match) -> Iterator[MatchNote]:
    yield from match.notes.all()


# --------------------------------------------------------------------------- checks


def _without_id(body: bytes, pk: int) -> bytes:
    return re.sub(rb"(?<![0-9])" + str(pk).encode() + rb"(?![0-9])", b"ID", body)


def same_answer(got: tuple[int, bytes], got_id: int, missing: tuple[int, bytes]) -> bool:
    """Equal status and body once the id the caller sent is taken out of each (the same
    answer as it is, too: an id that happens to equal a number of the body, such as a
    max_length, is no leak)."""
    if got == missing:
        return True
    return (got[0], _without_id(got[1], got_id)) == (missing[0], _without_id(missing[1], MISSING))


def existence_leaks(scene: Scene, role: str, kind: str, hidden_ids: Iterable[int]) -> list[str]:
    """Every read path that takes an id of `kind` answers a hidden id as it answers `MISSING`."""
    reads = scene.reads(role)
    found = []
    for template in DETAIL_PATHS[kind]:
        missing = reads[template.format(MISSING)]
        for pk in hidden_ids:
            got = reads[template.format(pk)]
            if not same_answer(got, pk, missing):
                found.append(
                    f"{template.format(pk)}: {got[0]} {got[1][:150]!r} ≠ "
                    f"{missing[0]} {missing[1][:150]!r}"
                )
    return found


def unseen_markers(scene: Scene, hidden: Iterable[Hidden]) -> list[str]:
    """Markers no insider finds through any read path: a probe that could never fail."""
    unseen = []
    for h in hidden:
        roles = sorted((h.insiders | ALL_SEEING) - {"operator"})
        pages = [body for r in roles for (_status, body) in scene.reads(r).values()]
        unseen.extend(
            f"{m} ({h.name})" for m in h.markers if not any(m.encode() in p for p in pages)
        )
    return unseen


def result_ids(answer: Any) -> list[int]:
    assert answer.status_code == 200, answer.content[:300]
    return [r["id"] for r in answer.json()["results"]]


@dataclass(frozen=True)
class Write:
    """A request that takes the id of something (in its path or its body)."""

    name: str
    method: str
    path: str
    body: Callable[[Scene, int], dict[str, Any]] | None = None


def conference_body(s: Scene, pk: int) -> dict[str, Any]:
    return {
        "organization": s.orgs["other_buyer"].pk,
        "need_ids": [pk],
        "title": "Dialogkonferanse om trygghet",
        "starts_at": "2030-03-01T09:00:00+01:00",
        "ends_at": "2030-03-01T12:00:00+01:00",
        "registration_deadline": "2030-02-20T12:00:00+01:00",
        "format": "physical",
        "location": "Trondheim rådhus",
        "capacity": 30,
    }


def _response_body(s: Scene, pk: int) -> dict[str, Any]:
    return {
        "need": pk,
        "organization": s.orgs["rival"].pk,
        "summary": "Innspill",
        "body": "Vi har en løsning som passer godt til dette behovet.",
    }


def _ongoing_body(s: Scene, pk: int) -> dict[str, Any]:
    return {"weekly_capacity": 2, "place": "Teams"}


def _ask_body(s: Scene, pk: int) -> dict[str, Any]:
    return {"organization": s.orgs["supplier"].pk, "week": "2030-W10", "topic": "Et møte?"}


def _pilot_body(s: Scene, pk: int) -> dict[str, Any]:
    return {
        "scope": "Tre sykehjem prøver fallsensorer om natten.",
        "starts_on": "2030-02-01",
        "ends_on": "2030-07-31",
        "users": 30,
        "measures": [{"name": "Fall per måned", "unit": "count", "baseline": "12"}],
    }


NEED_WRITES = (
    Write("edit", "patch", "/api/needs/{}/", lambda s, pk: {"title": "Ny tittel på behovet"}),
    Write("ask for a pilot", "put", "/api/needs/{}/pilot/", _pilot_body),
    Write(
        "record pilot results",
        "post",
        "/api/needs/{}/pilot/results/",
        lambda s, pk: {"results": [{"measure_id": 1, "value": "3"}]},
    ),
    Write("publish", "post", "/api/needs/{}/publish/"),
    Write("close", "post", "/api/needs/{}/close/"),
    Write("delete", "delete", "/api/needs/{}/"),
    Write(
        "write a notice text",
        "put",
        "/api/needs/{}/notice-texts/en/",
        lambda s, pk: {"title": "Safety alarms", "description": "Better follow-up at home."},
    ),
    Write("remove a notice text", "delete", "/api/needs/{}/notice-texts/en/"),
    Write("respond", "post", "/api/responses/", _response_body),
    Write("open ongoing dialogue", "post", "/api/needs/{}/ongoing-dialogue/", _ongoing_body),
    Write("change ongoing dialogue", "patch", "/api/needs/{}/ongoing-dialogue/", _ongoing_body),
    Write("close ongoing dialogue", "post", "/api/needs/{}/ongoing-dialogue/close/"),
    Write("ask for a meeting", "post", "/api/needs/{}/meeting-requests/", _ask_body),
    Write("conference with the need", "post", "/api/conferences/", conference_body),
    Write(
        "match the need",
        "post",
        "/api/matches/",
        lambda s, pk: {"need": pk, "solution": s.solution.pk},
    ),
    Write(
        "match as other need",
        "post",
        "/api/matches/",
        lambda s, pk: {"need": s.need.pk, "other_need": pk},
    ),
    Write(
        "invite a research partner",
        "post",
        "/api/research/partnerships/",
        lambda s, pk: {"need": pk, "organization": s.orgs["ended_partner"].pk},
    ),
)
SOLUTION_WRITES = (
    Write("edit", "patch", "/api/solutions/{}/", lambda s, pk: {"trl": 8}),
    Write("publish", "post", "/api/solutions/{}/publish/"),
    Write("archive", "post", "/api/solutions/{}/archive/"),
    Write(
        "match it",
        "post",
        "/api/matches/",
        lambda s, pk: {"need": s.need.pk, "solution": pk},
    ),
)


def _slot_times() -> dict[str, str]:
    return {"starts_at": "2030-01-10T12:00:00+01:00", "ends_at": "2030-01-10T12:45:00+01:00"}


def _shared() -> dict[str, str]:
    return {"kind": "answer", "text": "Et svar til alle."}


CONFERENCE_WRITES = (
    Write("edit", "patch", "/api/conferences/{}/", lambda s, pk: {"title": "Ny tittel"}),
    Write("publish", "post", "/api/conferences/{}/publish/"),
    Write(
        "register",
        "post",
        "/api/conferences/{}/registrations/",
        lambda s, pk: {
            "organization": s.orgs["rival"].pk,
            "participants": [{"name": "Kari", "email": "kari@konkurrent.no"}],
        },
    ),
    Write(
        "add a slot",
        "post",
        "/api/conferences/{}/slots/",
        lambda s, pk: {
            "starts_at": "2030-01-10T12:00:00+01:00",
            "ends_at": "2030-01-10T12:45:00+01:00",
        },
    ),
    Write(
        "ask",
        "post",
        "/api/conferences/{}/questions/",
        lambda s, pk: {"organization": s.orgs["rival"].pk, "text": "Et spørsmål?"},
    ),
    Write("cancel", "post", "/api/conferences/{}/cancel/", lambda s, pk: {"reason": "Avlyst."}),
    Write("share", "post", "/api/conferences/{}/shared-information/", lambda s, pk: _shared()),
    Write(
        "invite",
        "post",
        "/api/conferences/{}/invitations/",
        lambda s, pk: {"solution_ids": [s.solution.pk], "message": "Velkommen."},
    ),
)
SLOT_WRITES = (
    Write(
        "book", "post", "/api/slots/{}/book/", lambda s, pk: {"organization": s.orgs["rival"].pk}
    ),
    Write("cancel", "post", "/api/slots/{}/cancel/"),
    Write("move", "put", "/api/slots/{}/", lambda s, pk: _slot_times()),
    Write("delete", "delete", "/api/slots/{}/"),
    Write("write minutes", "put", "/api/slots/{}/minutes/", lambda s, pk: {"text": "Referat"}),
    Write("comment", "post", "/api/slots/{}/minutes/comments/", lambda s, pk: {"text": "Enig"}),
    Write("share", "post", "/api/slots/{}/shared-information/", lambda s, pk: _shared()),
)


MEETING_REQUEST_WRITES = (
    Write(
        "accept",
        "post",
        "/api/meeting-requests/{}/accept/",
        lambda s, pk: {"starts_at": "2030-03-05T10:00:00+01:00"},
    ),
    Write(
        "decline", "post", "/api/meeting-requests/{}/decline/", lambda s, pk: {"reason": "scope"}
    ),
    Write("withdraw", "post", "/api/meeting-requests/{}/withdraw/"),
    Write(
        "cancel", "post", "/api/meeting-requests/{}/cancel/", lambda s, pk: {"reason": "Avlyst."}
    ),
    Write(
        "write minutes", "put", "/api/meeting-requests/{}/minutes/", lambda s, pk: {"text": "Ref"}
    ),
    Write(
        "comment",
        "post",
        "/api/meeting-requests/{}/minutes/comments/",
        lambda s, pk: {"text": "Enig"},
    ),
    Write("share", "post", "/api/meeting-requests/{}/shared-information/", lambda s, pk: _shared()),
)
RESPONSE_WRITES = (
    Write("edit", "patch", "/api/responses/{}/", lambda s, pk: {"summary": "Endret innspill"}),
)
MATCH_WRITES = (
    Write("shortlist", "post", "/api/matches/{}/shortlist/"),
    Write("introduce", "post", "/api/matches/{}/introduce/"),
    Write("reject", "post", "/api/matches/{}/reject/", lambda s, pk: {"reason": "Passer ikke"}),
    Write("add a note", "post", "/api/matches/{}/notes/", lambda s, pk: {"text": "Et notat"}),
    Write(
        "shortlist in bulk",
        "post",
        "/api/matches/bulk/",
        lambda s, pk: {"action": "shortlist", "ids": [pk]},
    ),
    Write(
        "reject in bulk",
        "post",
        "/api/matches/bulk/",
        lambda s, pk: {"action": "reject", "ids": [pk], "reason": "Passer ikke"},
    ),
)
QUESTION_WRITES = (
    Write("answer", "post", "/api/questions/{}/answer/", lambda s, pk: {"answer": "Et svar."}),
)
REGISTRATION_WRITES = (
    Write("cancel", "delete", "/api/conferences/{conference}/registrations/{}/"),
)
#: OPTIONS (DRF's metadata) of each detail endpoint, by the kind of id it takes.
OPTIONS_PROBES = {
    kind: tuple(Write("options", "options", t) for t in templates if "?" not in t)
    for kind, templates in DETAIL_PATHS.items()
}
PARTNERSHIP_WRITES = (
    Write("accept", "post", "/api/research/partnerships/{}/accept/"),
    Write("decline", "post", "/api/research/partnerships/{}/decline/"),
    Write("end", "post", "/api/research/partnerships/{}/end/"),
    Write(
        "grant the responses",
        "patch",
        "/api/research/partnerships/{}/",
        lambda s, pk: {"may_read_responses": True, "shared_note": "Ny merknad"},
    ),
)
PROFILE_WRITES = (
    Write("edit", "patch", "/api/research/profiles/{}/", lambda s, pk: {"title": "Ny tittel"}),
    Write("publish", "post", "/api/research/profiles/{}/publish/"),
    Write("withdraw", "post", "/api/research/profiles/{}/withdraw/"),
    Write("delete", "delete", "/api/research/profiles/{}/"),
)
CO_BUYER_WRITES = (
    Write("accept", "post", "/api/co-buyer-requests/{}/accept/"),
    Write("decline", "post", "/api/co-buyer-requests/{}/decline/"),
)
JOINT_NEED_WRITES = (
    Write(
        "invite to a joint procurement",
        "post",
        "/api/needs/{}/joint-procurement/invite/",
        lambda s, pk: {"other_need": s.other_need.pk, "message": "Sammen?"},
    ),
)
JOINT_GROUP_WRITES = (
    Write("edit a joint group", "patch", "/api/joint-groups/{}/", lambda s, pk: {"title": "Ny"}),
    Write(
        "hand a joint group over",
        "post",
        "/api/joint-groups/{}/hand-over/",
        lambda s, pk: {"membership": s.joint_invitation},
    ),
    Write("dissolve a joint group", "post", "/api/joint-groups/{}/dissolve/"),
)
JOINT_MEMBERSHIP_WRITES = (
    Write("accept a joint invitation", "post", "/api/joint-memberships/{}/accept/"),
    Write("decline a joint invitation", "post", "/api/joint-memberships/{}/decline/"),
    Write("leave a joint group", "post", "/api/joint-memberships/{}/leave/"),
)
#: Every write probed by some module, for the coverage check.
ALL_WRITES = (
    *NEED_WRITES,
    *SOLUTION_WRITES,
    *CONFERENCE_WRITES,
    *SLOT_WRITES,
    *MEETING_REQUEST_WRITES,
    *RESPONSE_WRITES,
    *MATCH_WRITES,
    *QUESTION_WRITES,
    *REGISTRATION_WRITES,
    *CO_BUYER_WRITES,
    *PARTNERSHIP_WRITES,
    *PROFILE_WRITES,
    *JOINT_NEED_WRITES,
    *JOINT_GROUP_WRITES,
    *JOINT_MEMBERSHIP_WRITES,
)


def write_leaks(
    scene: Scene, role: str, writes: Iterable[Write], hidden_ids: Iterable[int]
) -> list[str]:
    """Each write answers a hidden id exactly as `MISSING` (status and body)."""
    client = scene.client(role, raise_errors=False)
    found = []
    for write in writes:
        answers = {}
        for pk in (*hidden_ids, MISSING):
            body = write.body(scene, pk) if write.body else None
            path = write.path.format(pk, conference=scene.conference.pk)
            answer = getattr(client, write.method)(path, body, format="json")
            answers[pk] = (answer.status_code, _body(answer))
        for pk, got in answers.items():
            if pk != MISSING and not same_answer(got, pk, answers[MISSING]):
                found.append(
                    f"{write.name} #{pk}: {got[0]} {got[1][:200]!r} ≠ "
                    f"{answers[MISSING][0]} {answers[MISSING][1][:200]!r}"
                )
    return found


def mail_leaks(
    scene: Scene, messages: Iterable[mail.EmailMessage], hidden: Iterable[Hidden]
) -> list[str]:
    """Markers in e-mails to someone the marked thing is hidden from (by their role; another
    member of a role's organisation reads its mail as that role)."""
    roles = {u.email: r for r, u in scene.users.items() if u is not None}
    for role, org in scene.orgs.items():
        for email in org.memberships.values_list("user__email", flat=True):
            roles.setdefault(email, role)
    found = []
    for to, pages in mail_pages(messages).items():
        role = roles.get(to, "visitor")
        found.extend(f"{to}: {leak}" for leak in leaks_in(role, pages, hidden))
    return found


# --------------------------------------------------------------------------- the admin


def _telling_audit_events() -> list[int]:
    """An audit event per kind of confidential act: a question asked, a slot booked, a
    registration, a response read, a match decided or noted."""
    kinds = ("dialogue.question", "dialogue.meetingslot", "dialogue.registration")
    rows = AuditEvent.objects.filter(object_type__in=kinds) | AuditEvent.objects.filter(
        action__in=("viewed_confidential", "rejected", "noted")
    )
    return list(rows.order_by("pk").values_list("pk", flat=True)[:12])


def admin_paths(scene: Scene) -> list[str]:
    """The Django admin's index, every model's change list, and the change and history pages
    of the scene's rows (and of a missing id)."""
    from django.contrib import admin

    rows: dict[type, list[int]] = {
        Need: _ids(scene)["need"],
        Solution: _ids(scene)["solution"],
        DialogueConference: _ids(scene)["conference"],
        Response: _ids(scene)["response"],
        Match: _ids(scene)["match"],
        MatchNote: [*MatchNote.objects.values_list("pk", flat=True), MISSING],
        Registration: [*(r.pk for r in scene.registrations.values()), MISSING],
        AuditEvent: [*_telling_audit_events(), MISSING],
        Notification: [*Notification.objects.values_list("pk", flat=True)[:5], MISSING],
        MissedSearch: [scene.missed_search.pk, MISSING],
    }
    paths = ["/admin/"]
    for model in admin.site._registry:
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        paths.append(base)
        for pk in rows.get(model, []):
            paths.extend([f"{base}{pk}/change/", f"{base}{pk}/history/"])
    return paths


def admin_reads(scene: Scene, role: str) -> dict[str, tuple[int, bytes]]:
    key = f"admin:{role}"
    if key not in scene._reads:
        client = scene.browser(role)
        pages: dict[str, tuple[int, bytes]] = {}
        for path in admin_paths(scene):
            answer = client.get(path)
            pages[path] = (
                answer.status_code,
                _body(answer) + answer.get("Location", "").encode(),
            )
        scene._reads[key] = pages
    return scene._reads[key]


def admin_leaks(scene: Scene, role: str, hidden: Iterable[Hidden]) -> list[str]:
    pages = {path: body for path, (_status, body) in admin_reads(scene, role).items()}
    return leaks_in(role, pages, hidden)


def admin_search_count(scene: Scene, role: str, model: type, query: str) -> int:
    """How many rows the admin's change list search finds (0 for a list the role may not open)."""
    answer = scene.browser(role).get(
        f"/admin/{model._meta.app_label}/{model._meta.model_name}/", {"q": query}
    )
    if answer.status_code != 200:
        return 0
    return int(answer.context["cl"].result_count)


# --------------------------------------------------------------------------- search


def search(scene: Scene, query: str, **params: Any) -> dict[str, Any]:
    answer = scene.client("visitor").get("/api/search/", {"q": query, **params})
    assert answer.status_code == 200, answer.content[:300]
    return answer.json()  # type: ignore[no-any-return]


def autocomplete(scene: Scene, prefix: str) -> list[str]:
    answer = scene.client("visitor").get("/api/search/autocomplete/", {"q": prefix})
    assert answer.status_code == 200, answer.content[:300]
    return list(answer.json()["suggestions"])


def typo(word: str) -> str:
    """The word with its second-to-last letter wrong (what did-you-mean would correct)."""
    return word[:-2] + ("x" if word[-2] != "x" else "y") + word[-1]


def search_leaks(scene: Scene, words: Iterable[str]) -> list[str]:
    """Each word, searched, completed and misspelt, turns up nowhere in search."""
    found = []
    for word in words:
        for semantic in ("false", "true"):
            if word.lower().encode() in json_bytes(search(scene, word, semantic=semantic)).lower():
                found.append(f"search {word!r} (semantic={semantic})")
        if [s for s in autocomplete(scene, word[:6]) if word.lower() in s.lower()]:
            found.append(f"autocomplete {word[:6]!r}")
        if word.lower() in (search(scene, typo(word))["suggestion"] or "").lower():
            found.append(f"did-you-mean for {typo(word)!r}")
    return found


def json_bytes(data: Any) -> bytes:
    import json

    return json.dumps(data, ensure_ascii=False).encode()


def schema_leaks(scene: Scene, hidden: Iterable[Hidden]) -> list[str]:
    """Markers in the OpenAPI schema (its examples, descriptions) or the API docs page."""
    if "schema" not in scene._reads:
        client = scene.client("visitor")
        pages = {}
        for path in ("/api/schema/", "/api/docs/"):
            answer = client.get(path)
            assert answer.status_code == 200, (path, answer.status_code)
            pages[path] = (answer.status_code, _body(answer))
        scene._reads["schema"] = pages
    return leaks_in("visitor", {p: b for p, (_s, b) in scene._reads["schema"].items()}, hidden)
