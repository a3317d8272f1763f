"""Signatures API: public verification, QR challenges for the signed-in user, the phone's side."""

from __future__ import annotations

import hashlib
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.core.api.schema import BAD_INPUT, CONFLICT, NOT_FOUND, UNAUTHENTICATED, ErrorSerializer
from sot.core.api.views import caller, validated
from sot.core.errors import NotFound, ValidationFailed
from sot.core.iin import is_valid_iin

from .. import challenges
from ..links import phone_url, qr_svg
from ..models import Challenge, ChallengePurpose
from ..services import decode_signature, verify_signature
from .serializers import (
    SignatureAnswerInputSerializer,
    SignatureAnswerOutputSerializer,
    SignatureChallengeCreateInputSerializer,
    SignatureChallengeOutputSerializer,
    SignaturePhoneChallengeOutputSerializer,
    SignatureVerdictSerializer,
    SignatureVerifyInputSerializer,
)

TAGS = ["signatures"]
VERDICT_FIELDS = (
    "status",
    "code",
    "message",
    "subject_iin",
    "subject_name",
    "certificate_sha256",
    "serial",
    "signed_at",
)
CHALLENGE_ID = OpenApiParameter("challenge_id", int, OpenApiParameter.PATH)
TOKEN = OpenApiParameter("token", str, OpenApiParameter.PATH)
GONE = {410: ErrorSerializer}


def _decode_or_fail(value: str, field: str) -> bytes:
    decoded = decode_signature(value)
    if decoded is None:
        raise ValidationFailed(fields={field: [_("Not valid base64.")]})
    return decoded


def challenge_body(request: Request, challenge: Challenge) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": challenge.pk,
        "purpose": challenge.purpose,
        "state": challenges.challenge_state(challenge),
        "expires_at": challenge.expires_at,
        "phone_url": phone_url(request, challenge),
    }
    if challenges.challenge_state(challenge) == "open":
        body["qr_svg"] = str(qr_svg(body["phone_url"]))
    body.update(challenges.signing_result(challenge))
    return body


class VerifyApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        operation_id="signatures_verify",
        summary="Verify a signature",
        description="Check a signature over the payload: integrity, chain to a trusted root, validity at "
        "this moment, signing purpose, the subject's IIN and revocation. Never stores anything.",
        request=SignatureVerifyInputSerializer,
        responses={200: SignatureVerdictSerializer, 400: BAD_INPUT},
    )
    def post(self, request: Request) -> Response:
        data = validated(SignatureVerifyInputSerializer, request.data)
        if not is_valid_iin(data["iin"]):
            raise ValidationFailed(fields={"iin": [_("Not a valid IIN.")]})
        payload = _decode_or_fail(data["payload_b64"], "payload_b64")
        signature = _decode_or_fail(data["signature"], "signature")
        verdict = verify_signature(
            payload=payload,
            signature=signature,
            certificate_pem=data["certificate"],
            chain_pem=data["chain"],
            expected_iin=data["iin"],
        )
        body = {name: getattr(verdict, name) for name in VERDICT_FIELDS}
        return Response(SignatureVerdictSerializer(body).data)


class ChallengeCreateApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="signatures_challenge_create",
        summary="Start a QR signing challenge",
        description="For signing the payload on a phone: returns the URL to show as a QR code.",
        request=SignatureChallengeCreateInputSerializer,
        responses={201: SignatureChallengeOutputSerializer, 400: BAD_INPUT, 401: UNAUTHENTICATED},
    )
    def post(self, request: Request) -> Response:
        user = caller(request)
        data = validated(SignatureChallengeCreateInputSerializer, request.data)
        payload = _decode_or_fail(data["payload_b64"], "payload_b64")
        challenge = challenges.create_signing_challenge(user=user, payload=payload)
        return Response(
            SignatureChallengeOutputSerializer(challenge_body(request, challenge)).data,
            status=status.HTTP_201_CREATED,
        )


class ChallengeDetailApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="signatures_challenge_status",
        summary="A QR signing challenge's state",
        description="The creator polls until the phone has answered; then the signature and certificate.",
        parameters=[CHALLENGE_ID],
        responses={200: SignatureChallengeOutputSerializer, 401: UNAUTHENTICATED, 404: NOT_FOUND},
    )
    def get(self, request: Request, challenge_id: int) -> Response:
        user = caller(request)
        challenge = (
            Challenge.objects.filter(
                pk=challenge_id, created_by=user, purpose=ChallengePurpose.SIGN
            )
            .select_related("record")
            .first()
        )
        if challenge is None:
            raise NotFound()
        return Response(SignatureChallengeOutputSerializer(challenge_body(request, challenge)).data)


class PhoneChallengeApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        operation_id="signatures_phone_challenge",
        summary="What the phone must sign",
        description="The token is the secret from the QR code.",
        parameters=[TOKEN],
        responses={
            200: SignaturePhoneChallengeOutputSerializer,
            404: NOT_FOUND,
            409: CONFLICT,
            410: ErrorSerializer,
        },
    )
    def get(self, request: Request, token: str) -> Response:
        challenge = challenges.open_challenge(token)
        payload = bytes(challenge.payload)
        return Response(
            SignaturePhoneChallengeOutputSerializer(
                {
                    "purpose": challenge.purpose,
                    "payload_b64": challenges.payload_b64(challenge),
                    "payload_sha256": hashlib.sha256(payload).hexdigest(),
                    "expires_at": challenge.expires_at,
                }
            ).data
        )


class PhoneAnswerApi(APIView):
    # No throttle: the token is 256 random bits and dies after one answer or a few minutes.
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        operation_id="signatures_phone_answer",
        summary="Answer a QR challenge",
        description="The phone posts its signature over the challenge payload and its certificate: an "
        "authentication certificate to sign in, a signing certificate to sign a document.",
        parameters=[TOKEN],
        request=SignatureAnswerInputSerializer,
        responses={
            200: SignatureAnswerOutputSerializer,
            400: BAD_INPUT,
            404: NOT_FOUND,
            409: CONFLICT,
            410: ErrorSerializer,
        },
    )
    def post(self, request: Request, token: str) -> Response:
        data = validated(SignatureAnswerInputSerializer, request.data)
        challenge = challenges.answer_challenge(
            token=token,
            signature_b64=data["signature"],
            certificate_pem=data["certificate"],
            chain_pem=data["chain"],
        )
        return Response(
            SignatureAnswerOutputSerializer(
                {"purpose": challenge.purpose, "state": challenges.challenge_state(challenge)}
            ).data
        )
