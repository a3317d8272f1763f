"""The acts API: one view per operation; reads through selectors, writes through services.

An act is reached through ``selectors.access_act`` (its case's visibility; drafts only for the
bench), so whatever the caller may not see answers 404 exactly like what does not exist.
"""

from __future__ import annotations

import base64
from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.cases import selectors as case_selectors
from sot.core.api.schema import BAD_INPUT, CONFLICT, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED
from sot.core.api.views import caller, validated
from sot.core.errors import Forbidden, NotFound

from .. import access, publication, selectors, services
from ..assistant.rules import rules_for
from ..models import Act
from .serializers import (
    ActCheckOutputSerializer,
    ActOutputSerializer,
    AssistantInputSerializer,
    DraftInputSerializer,
    PayloadOutputSerializer,
    ProposalOutputSerializer,
    PublicationOutputSerializer,
    SignInputSerializer,
    VersionInputSerializer,
    VersionOutputSerializer,
    WithdrawInputSerializer,
)

TAGS = ["acts"]
ACT_ID = OpenApiParameter("act_id", int, OpenApiParameter.PATH)
CASE_ID = OpenApiParameter("case_id", int, OpenApiParameter.PATH)
READ_ERRORS = {401: UNAUTHENTICATED, 404: NOT_FOUND}
WRITE_ERRORS = {400: BAD_INPUT, 401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT}


def act_data(act: Act) -> dict[str, Any]:
    fresh = selectors.with_details(Act.objects.filter(pk=act.pk)).select_related("document").get()
    return dict(ActOutputSerializer(fresh).data)


class DraftCreateApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="acts_create",
        request=DraftInputSerializer,
        responses={201: ActOutputSerializer, **WRITE_ERRORS},
        summary="A new draft act from the current template (bench only)",
    )
    def post(self, request: Request) -> Response:
        user = caller(request)
        data = validated(DraftInputSerializer, request.data)
        case = case_selectors.access_case(user, data["case_id"], request=request)
        act = services.act_draft_create(
            case=case, kind=data["kind"], lang=data["lang"], acting_user=user
        )
        return Response(act_data(act), status=status.HTTP_201_CREATED)


class AssistantDraftApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="acts_assistant_create",
        request=AssistantInputSerializer,
        responses={201: ActOutputSerializer, **WRITE_ERRORS},
        summary="A complete draft of a routine act from the case record, with the checks (bench only)",
    )
    def post(self, request: Request) -> Response:
        user = caller(request)
        data = validated(AssistantInputSerializer, request.data)
        case = case_selectors.access_case(user, data["case_id"], request=request)
        act = services.assistant_draft(
            case=case, rule=data["rule"], lang=data["lang"], acting_user=user
        )
        return Response(act_data(act), status=status.HTTP_201_CREATED)


class CaseProposalsApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="acts_case_assistant_list",
        parameters=[CASE_ID],
        responses={200: ProposalOutputSerializer(many=True), 403: FORBIDDEN, **READ_ERRORS},
        summary="Which routine acts the assistant could draft for a case, and the checks (bench only)",
    )
    def get(self, request: Request, case_id: int) -> Response:
        user = caller(request)
        case = case_selectors.access_case(user, case_id, request=request)
        if not access.may_draft(user, case):
            raise Forbidden()
        rows = []
        for rule in rules_for(case):
            proposal = rule.propose(case, "ru")
            rows.append(
                {
                    "rule": rule.code,
                    "title": str(rule.title),
                    "kind": rule.kind,
                    "ready": proposal.ready,
                    "checks": [
                        {
                            "ok": check.ok,
                            "text": services.check_text(check.code),
                            "basis": _basis(check.code),
                        }
                        for check in proposal.checks
                    ],
                }
            )
        return Response(ProposalOutputSerializer(rows, many=True).data)


def _basis(code: str) -> str:
    from ..assistant.rules import MESSAGES

    message = MESSAGES.get(code)
    return message.basis if message else ""


class CaseActListApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="acts_case_list",
        parameters=[CASE_ID],
        responses={200: ActOutputSerializer(many=True), **READ_ERRORS},
        summary="The acts of a case: signed ones, and drafts for the bench",
    )
    def get(self, request: Request, case_id: int) -> Response:
        user = caller(request)
        case = case_selectors.access_case(user, case_id, request=request)
        acts = selectors.case_acts(user, case).select_related("document")[:200]
        return Response(ActOutputSerializer(acts, many=True).data)


class ActDetailApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="acts_retrieve",
        parameters=[ACT_ID],
        responses={200: ActOutputSerializer, **READ_ERRORS},
        summary="An act",
    )
    def get(self, request: Request, act_id: int) -> Response:
        act = selectors.access_act(caller(request), act_id, request=request)
        return Response(act_data(act))


class VersionsApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="acts_versions_list",
        parameters=[ACT_ID],
        responses={200: VersionOutputSerializer(many=True), **READ_ERRORS},
        summary="Every saved version of an act's text",
    )
    def get(self, request: Request, act_id: int) -> Response:
        act = selectors.access_act(caller(request), act_id, request=request)
        return Response(VersionOutputSerializer(selectors.act_versions(act), many=True).data)

    @extend_schema(
        tags=TAGS,
        operation_id="acts_versions_create",
        parameters=[ACT_ID],
        request=VersionInputSerializer,
        responses={201: VersionOutputSerializer, **WRITE_ERRORS},
        summary="Save the draft's text as a new version (bench only)",
    )
    def post(self, request: Request, act_id: int) -> Response:
        user = caller(request)
        act = selectors.access_act(user, act_id, request=request)
        data = validated(VersionInputSerializer, request.data)
        version = services.act_version_save(
            act=act, text=data["text"], acting_user=user, base_version=data.get("base_version")
        )
        return Response(VersionOutputSerializer(version).data, status=status.HTTP_201_CREATED)


class PayloadApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="acts_signing_payload_retrieve",
        parameters=[ACT_ID],
        responses={200: PayloadOutputSerializer, 403: FORBIDDEN, **READ_ERRORS},
        summary="The bytes to sign (canonical bundle of the act), base64 (bench only)",
    )
    def get(self, request: Request, act_id: int) -> Response:
        user = caller(request)
        act = selectors.access_act(user, act_id, request=request)
        if not access.may_sign(user, act):
            raise Forbidden()
        payload = base64.b64encode(services.signing_payload(act)).decode("ascii")
        return Response({"payload_b64": payload, "expected_iin": user.iin or ""})


class SignApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="acts_sign_create",
        parameters=[ACT_ID],
        request=SignInputSerializer,
        responses={200: ActOutputSerializer, **WRITE_ERRORS},
        summary="Sign the draft with the judge's key; the act becomes immutable",
    )
    def post(self, request: Request, act_id: int) -> Response:
        user = caller(request)
        act = selectors.access_act(user, act_id, request=request)
        data = validated(SignInputSerializer, request.data)
        act = services.act_sign(
            act=act,
            signature=data["signature"],
            certificate_pem=data["certificate"],
            acting_user=user,
        )
        return Response(act_data(act))


class RejectApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="acts_reject_create",
        parameters=[ACT_ID],
        request=None,
        responses={200: ActOutputSerializer, **WRITE_ERRORS},
        summary="Reject a draft (bench only)",
    )
    def post(self, request: Request, act_id: int) -> Response:
        user = caller(request)
        act = selectors.access_act(user, act_id, request=request)
        return Response(act_data(services.act_reject(act=act, acting_user=user)))


class CorrectApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="acts_correct_create",
        parameters=[ACT_ID],
        request=None,
        responses={201: ActOutputSerializer, **WRITE_ERRORS},
        summary="Start a new act correcting a signed one (bench only)",
    )
    def post(self, request: Request, act_id: int) -> Response:
        user = caller(request)
        act = selectors.access_act(user, act_id, request=request)
        correction = services.act_correct(act=act, acting_user=user)
        return Response(act_data(correction), status=status.HTTP_201_CREATED)


class PdfApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="acts_pdf_retrieve",
        parameters=[ACT_ID],
        responses={
            (200, "application/pdf"): OpenApiResponse(
                OpenApiTypes.BINARY, description="the signed act's PDF"
            ),
            **READ_ERRORS,
        },
        summary="The PDF of a signed act (its SHA-256 is in the transparency log)",
    )
    def get(self, request: Request, act_id: int) -> HttpResponse:
        act = selectors.access_act(caller(request), act_id, request=request)
        document = selectors.act_document(act)
        response = HttpResponse(bytes(document.pdf), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="act-{act.pk}.pdf"'
        return response


class PublicationApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="acts_publication_retrieve",
        parameters=[ACT_ID],
        responses={200: PublicationOutputSerializer, 403: FORBIDDEN, **READ_ERRORS},
        summary="Original and published text side by side, and the rule applied (reviewers)",
    )
    def get(self, request: Request, act_id: int) -> Response:
        user = caller(request)
        act = selectors.access_act(user, act_id, request=request)
        if not act.is_signed or not access.may_review_publication(user, act):
            raise Forbidden()
        decision = publication.publication_decision(act)
        return Response(
            PublicationOutputSerializer(
                {
                    "state": act.publication_state,
                    "rule": decision.reason,
                    "moment": decision.moment,
                    "original_text": act.text,
                    "published_text": act.published_text,
                    "published_at": act.published_at,
                }
            ).data
        )


class WithdrawApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="acts_publication_withdraw_create",
        parameters=[ACT_ID],
        request=WithdrawInputSerializer,
        responses={200: ActOutputSerializer, **WRITE_ERRORS},
        summary="Withdraw a published act from the public bank (reviewers)",
    )
    def post(self, request: Request, act_id: int) -> Response:
        user = caller(request)
        act = selectors.access_act(user, act_id, request=request)
        data = validated(WithdrawInputSerializer, request.data)
        act = publication.act_withdraw(act=act, acting_user=user, reason=data["reason"])
        return Response(act_data(act))


class CheckApi(APIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        tags=TAGS,
        operation_id="acts_check_retrieve",
        parameters=[OpenApiParameter("code", str, OpenApiParameter.PATH)],
        responses={200: ActCheckOutputSerializer, 404: NOT_FOUND},
        summary="Public: check a court act by the code printed on it",
    )
    def get(self, request: Request, code: str) -> Response:
        if len(code) > 20:
            raise NotFound()
        result = selectors.check_by_code(code)
        act, document = result.act, result.document
        index = document.ledger_index if document else None
        included = index is not None and index < (result.ledger_size or 0)
        return Response(
            ActCheckOutputSerializer(
                {
                    "code": act.short_code,
                    "court": act.court.name,
                    "court_code": act.court.code,
                    "issued_on": act.issued_on,
                    "kind": act.kind,
                    "number": act.number,
                    "signer": act.signer_name,
                    "signed_at": act.signed_at,
                    "pdf_sha256": document.sha256 if document else None,
                    "ledger_index": index,
                    "ledger_included": included,
                    "ledger_proof_url": f"/api/v1/ledger/proof/?index={index}"
                    if included
                    else None,
                }
            ).data
        )
