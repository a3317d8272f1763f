"""The notifications API: a person's inbox and contact points; providers' delivery receipts.

Notices and contact points are reached through ``selectors`` for the caller only: another person's
are 404 like what does not exist.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.core.api.schema import BAD_INPUT, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED
from sot.core.api.views import caller, paginated_response, validated
from sot.core.errors import Forbidden, NotFound

from .. import dispatch, receipts, selectors, services
from .serializers import (
    ContactPointInputSerializer,
    ContactPointOutputSerializer,
    ContactVerifyInputSerializer,
    NoticeOutputSerializer,
    PushSubscriptionInputSerializer,
    PushSubscriptionOutputSerializer,
    ReceiptInputSerializer,
    ReceiptOutputSerializer,
)

TAGS = ["notifications"]
ITEM_ID = OpenApiParameter("item_id", int, OpenApiParameter.PATH)
READ_ERRORS = {401: UNAUTHENTICATED, 404: NOT_FOUND}
WRITE_ERRORS = {400: BAD_INPUT, 401: UNAUTHENTICATED, 404: NOT_FOUND}


class InboxApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="notifications_inbox",
        responses={200: NoticeOutputSerializer(many=True), 401: UNAUTHENTICATED},
        summary="My notices, newest first, with their delivery states",
    )
    def get(self, request: Request) -> Response:
        return paginated_response(
            self, request, selectors.inbox(caller(request)), NoticeOutputSerializer
        )


class NoticeReadApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="notifications_notice_read",
        parameters=[ITEM_ID],
        request=None,
        responses={200: NoticeOutputSerializer, **READ_ERRORS},
        summary="Mark one of my notices read",
    )
    def post(self, request: Request, item_id: int) -> Response:
        user = caller(request)
        notice = selectors.access_notice(user, item_id)
        services.notice_mark_read(notice=notice, user=user)
        return Response(NoticeOutputSerializer(selectors.access_notice(user, item_id)).data)


class ContactPointListApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="notifications_contacts_list",
        responses={200: ContactPointOutputSerializer(many=True), 401: UNAUTHENTICATED},
        summary="My contact points",
    )
    def get(self, request: Request) -> Response:
        points = selectors.contact_points(caller(request))
        return Response(ContactPointOutputSerializer(points, many=True).data)

    @extend_schema(
        tags=TAGS,
        operation_id="notifications_contacts_create",
        request=ContactPointInputSerializer,
        responses={201: ContactPointOutputSerializer, **WRITE_ERRORS},
        summary="Add a phone, e-mail or postal address (a code is sent to phones and e-mails)",
    )
    def post(self, request: Request) -> Response:
        data = validated(ContactPointInputSerializer, request.data)
        point = services.contact_point_add(user=caller(request), **data)
        return Response(ContactPointOutputSerializer(point).data, status=status.HTTP_201_CREATED)


class ContactVerifyApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="notifications_contacts_verify",
        parameters=[ITEM_ID],
        request=ContactVerifyInputSerializer,
        responses={200: ContactPointOutputSerializer, **WRITE_ERRORS},
        summary="Prove a contact point with the code sent to it",
    )
    def post(self, request: Request, item_id: int) -> Response:
        point = selectors.access_contact_point(caller(request), item_id)
        data = validated(ContactVerifyInputSerializer, request.data)
        point = services.contact_point_verify(point=point, code=data["code"])
        return Response(ContactPointOutputSerializer(point).data)


class PushSubscribeApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="notifications_push_subscribe",
        request=PushSubscriptionInputSerializer,
        responses={201: PushSubscriptionOutputSerializer, 400: BAD_INPUT, 401: UNAUTHENTICATED},
        summary="Register this browser's Web Push subscription",
    )
    def post(self, request: Request) -> Response:
        data = validated(PushSubscriptionInputSerializer, request.data)
        sub = services.push_subscribe(
            user=caller(request),
            endpoint=data["endpoint"],
            p256dh=data["keys"]["p256dh"],
            auth=data["keys"]["auth"],
        )
        return Response(PushSubscriptionOutputSerializer(sub).data, status=status.HTTP_201_CREATED)


class ReceiptApi(APIView):
    """A provider's delivery receipt, signed with that provider's secret (no user session)."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    endpoint = ""

    def post(self, request: Request) -> Response:
        body = request.body
        if not receipts.is_authentic(self.endpoint, body, request.META.get(receipts.HEADER, "")):
            raise Forbidden()
        data = validated(ReceiptInputSerializer, request.data)
        delivery = dispatch.receipt_record(
            providers=receipts.PROVIDERS[self.endpoint],
            provider_id=data["receipt_id"],
            status=data["status"],
            at=data.get("at"),
            error=data["error"],
        )
        if delivery is None:
            raise NotFound()
        return Response(ReceiptOutputSerializer(delivery).data)


def _receipt_view(endpoint: str) -> type[ReceiptApi]:
    # A function of its own per endpoint: extend_schema annotates the function object it is given.
    def post(self: ReceiptApi, request: Request) -> Response:
        return ReceiptApi.post(self, request)

    decorated = extend_schema(
        tags=TAGS,
        operation_id=f"notifications_receipt_{endpoint.replace('-', '_')}",
        request=ReceiptInputSerializer,
        responses={200: ReceiptOutputSerializer, 400: BAD_INPUT, 403: FORBIDDEN, 404: NOT_FOUND},
        summary=f"Delivery receipt from the {endpoint} provider (HMAC-signed)",
    )
    return type(
        f"ReceiptApi_{endpoint}", (ReceiptApi,), {"endpoint": endpoint, "post": decorated(post)}
    )


RECEIPT_VIEWS = {endpoint: _receipt_view(endpoint) for endpoint in receipts.PROVIDERS}
