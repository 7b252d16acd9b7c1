from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.api import auth_user, validated
from backend.needs.selectors import need_get
from backend.pilots import selectors, services
from backend.pilots.api import serializers as s


def _output(request: Request, need_id: int) -> Response:
    pilot = selectors.pilot_get(user=request.user, need_id=need_id)
    return Response(s.PilotOutput(pilot, context={"request": request}).data)


class PilotApi(APIView):
    """The pilot a need asks for: public with its published need; results only once public."""

    @extend_schema(responses=s.PilotOutput, summary="A need's pilot")
    def get(self, request: Request, pk: int) -> Response:
        return _output(request, pk)

    @extend_schema(
        request=s.PilotInput,
        responses=s.PilotOutput,
        summary="Ask for a pilot on a need, or change it (the buyer's organisation)",
    )
    def put(self, request: Request, pk: int) -> Response:
        user = auth_user(request)
        need = need_get(user=user, need_id=pk)
        data = validated(s.PilotInput, request)
        services.pilot_save(user=user, need=need, data=data)
        return _output(request, pk)


class PilotResultsApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=s.ResultsInput,
        responses=s.PilotOutput,
        summary="Record a running or completed pilot's results per measure",
    )
    def post(self, request: Request, pk: int) -> Response:
        user = auth_user(request)
        pilot = selectors.pilot_get(user=user, need_id=pk)
        data = validated(s.ResultsInput, request)
        services.pilot_results_record(user=user, pilot=pilot, results=data["results"])
        return _output(request, pk)
