"""Invitations to a conference in the API: the buyer's choice of suggested solutions and its
outcome per organisation, and the list of who was invited (the host's and advisors'; each
supplier its own)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.common.fields import model_text
from backend.common.serializers import OrganizationBrief
from backend.dialogue.invitation_services import MAX_INVITED, InvitationResult, Outcome
from backend.dialogue.models import ConferenceInvitation
from backend.solutions.models import Solution


class ConferenceInviteInput(serializers.Serializer):  # type: ignore[type-arg]
    solution_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        max_length=MAX_INVITED,
        help_text="The published solutions whose organisations are invited (from the need's "
        "suggestions, or any published solution); one invitation per organisation.",
    )
    message = model_text(ConferenceInvitation, "message", required=False, allow_blank=True)


class InvitedSolutionBrief(serializers.ModelSerializer[Solution]):
    class Meta:
        model = Solution
        fields = ["id", "title"]


class ConferenceInviteResult(serializers.Serializer):  # type: ignore[type-arg]
    """What became of one organisation: invited now, or already invited or registered (then
    it is told nothing new)."""

    organization = OrganizationBrief(read_only=True)
    solution = InvitedSolutionBrief(read_only=True)
    outcome = serializers.ChoiceField(choices=[o.value for o in Outcome], read_only=True)


class ConferenceInviteOutput(serializers.Serializer):  # type: ignore[type-arg]
    results = ConferenceInviteResult(many=True, read_only=True)
    invited = serializers.SerializerMethodField()

    def get_invited(self, results: dict[str, list[InvitationResult]]) -> int:
        return sum(1 for r in results["results"] if r.outcome == Outcome.INVITED)


class ConferenceInvitationOutput(serializers.ModelSerializer[ConferenceInvitation]):
    organization = OrganizationBrief(read_only=True)
    solution = serializers.SerializerMethodField()
    invited_by = serializers.SerializerMethodField()
    registered = serializers.BooleanField(read_only=True)

    class Meta:
        model = ConferenceInvitation
        fields = [
            "id",
            "organization",
            "solution",
            "invited_by",
            "message",
            "registered",
            "created_at",
        ]

    @extend_schema_field(InvitedSolutionBrief(allow_null=True))
    def get_solution(self, invitation: ConferenceInvitation) -> dict[str, object] | None:
        """The solution it was invited for, while it is published (an archived one is its
        supplier's own again)."""
        solution = invitation.solution
        if solution is None or solution.status != Solution.Status.PUBLISHED:
            return None
        return {"id": solution.pk, "title": solution.title}

    def get_invited_by(self, invitation: ConferenceInvitation) -> str:
        return str(invitation.invited_by) if invitation.invited_by is not None else ""
