"""The Court Cabinet API: one view per operation; reads through selectors, writes through services."""

from __future__ import annotations

import base64
import json
from typing import Any

from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.cases import selectors as case_selectors
from sot.core import clock
from sot.core.api.pagination import Pagination
from sot.core.api.schema import BAD_INPUT, CONFLICT, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED
from sot.core.api.views import caller, paginated_response, validated, validated_filters
from sot.core.errors import Conflict, ValidationFailed
from sot.filing import certificate, selectors, services
from sot.filing.fees import UnknownMciYear, fee_quote
from sot.filing.models import Filing
from sot.filing.schema import all_kinds, grounds_table, kind_as_dict, localized
from sot.filing.validation import clean_values

from .serializers import (
    AttachmentInputSerializer,
    AttachmentOutputSerializer,
    BundleOutputSerializer,
    CabinetCaseOutputSerializer,
    CabinetDocumentOutputSerializer,
    CertificateInputSerializer,
    CertificateVerifyInputSerializer,
    CertificateVerifyOutputSerializer,
    DirectSubmitInputSerializer,
    DraftCreateInputSerializer,
    DraftUpdateInputSerializer,
    FeeInputSerializer,
    FeeOutputSerializer,
    FilingListOutputSerializer,
    FilingOutputSerializer,
    GroundOutputSerializer,
    HistoryOutputSerializer,
    KindOutputSerializer,
    LeaveInputSerializer,
    PaymentInputSerializer,
    PaymentOutputSerializer,
    ReturnInputSerializer,
    SubmitInputSerializer,
)

TAGS = ["filing"]
FILING_ID = OpenApiParameter("filing_id", int, OpenApiParameter.PATH)
ATTACHMENT_ID = OpenApiParameter("attachment_id", int, OpenApiParameter.PATH)
CASE_ID = OpenApiParameter("case_id", int, OpenApiParameter.PATH)
DOCUMENT_ID = OpenApiParameter("document_id", int, OpenApiParameter.PATH)
READ_ERRORS: dict[Any, Any] = {401: UNAUTHENTICATED, 404: NOT_FOUND}
WRITE_ERRORS: dict[Any, Any] = {
    400: BAD_INPUT,
    401: UNAUTHENTICATED,
    403: FORBIDDEN,
    404: NOT_FOUND,
    409: CONFLICT,
}
BINARY: dict[Any, Any] = {
    (200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY),
    **READ_ERRORS,
}


def filing_data(filing: Filing) -> dict[str, Any]:
    fresh = (
        Filing.objects.select_related("court", "target_case", "opened_case")
        .prefetch_related("attachments", "payments")
        .get(pk=filing.pk)
    )
    return dict(FilingOutputSerializer(fresh).data)


def _own(request: Request, filing_id: int) -> Filing:
    return selectors.access_own_filing(caller(request), filing_id)


# --- kinds, fees, grounds ------------------------------------------------------------------------


class KindListApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        operation_id="filing_kinds_list",
        responses={200: KindOutputSerializer(many=True)},
        summary="Filing kinds with their steps, fields and attachments (in the request's language)",
    )
    def get(self, request: Request) -> Response:
        user = request.user
        rows = [
            kind_as_dict(
                kind,
                may_file=bool(user.is_authenticated and services.may_file(user, kind)),
            )
            for kind in all_kinds().values()
        ]
        return Response(rows)


class FeeQuoteApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_fee_quote",
        request=FeeInputSerializer,
        responses={200: FeeOutputSerializer, 400: BAD_INPUT, 401: UNAUTHENTICATED, 409: CONFLICT},
        summary="The state fee a filing owes (rates and MCI from the fee table)",
    )
    def post(self, request: Request) -> Response:
        data = validated(FeeInputSerializer, request.data)
        kind = services.kind_for(data["kind"])
        clean = clean_values(kind, data["form"], complete=False)
        try:
            quote = fee_quote(kind, clean, year=clock.today().year)
        except UnknownMciYear as exc:
            raise Conflict(
                _("The monthly calculation index for this year is not set yet.")
            ) from exc
        return Response(quote.as_dict())


class GroundListApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_grounds_list",
        responses={200: GroundOutputSerializer(many=True), 401: UNAUTHENTICATED},
        summary="The table of legal grounds for returning a filing or leaving it without motion",
    )
    def get(self, request: Request) -> Response:
        return Response(
            [
                {
                    "outcome": outcome,
                    "code": code,
                    "label": localized(row["label"]),
                    "article": row["article"],
                }
                for outcome, rows in grounds_table().items()
                for code, row in rows.items()
            ]
        )


# --- filings -------------------------------------------------------------------------------------


class FilingCollectionApi(APIView):
    pagination_class = Pagination
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        tags=TAGS,
        operation_id="filing_filings_mine_list",
        responses={200: FilingListOutputSerializer(many=True), 401: UNAUTHENTICATED},
        summary="My filings, the newest first",
    )
    def get(self, request: Request) -> Response:
        return paginated_response(
            self, request, selectors.my_filings(caller(request)), FilingListOutputSerializer
        )

    @extend_schema(
        tags=TAGS,
        operation_id="filing_filings_submit_direct",
        request={"multipart/form-data": DirectSubmitInputSerializer},
        responses={201: FilingOutputSerializer, 200: FilingOutputSerializer, **WRITE_ERRORS},
        summary="Submit a signed filing in one request (idempotent by client_key)",
        description=(
            "Multipart: kind, form (JSON text), files[] with slots[] in the same order, signature "
            "(base64) and certificate (PEM) over canonical_bundle(form + filing_kind, files), "
            "client_key. A retry with the same client_key returns the first filing with 200."
        ),
    )
    def post(self, request: Request) -> Response:
        data = request.data
        payload = {
            "kind": data.get("kind"),
            "form": data.get("form"),
            "signature": data.get("signature"),
            "certificate": data.get("certificate"),
            "client_key": data.get("client_key"),
            "payer_name": data.get("payer_name", ""),
        }
        clean = validated(DirectSubmitInputSerializer, payload)
        form = clean["form"]
        if isinstance(form, str):
            try:
                form = json.loads(form)
            except ValueError as exc:
                raise ValidationFailed(
                    fields={"form": [_("Send the form as a JSON object.")]}
                ) from exc
        if not isinstance(form, dict):
            raise ValidationFailed(fields={"form": [_("Send the form as a JSON object.")]})
        files = request.FILES.getlist("files")
        slots = data.getlist("slots") if hasattr(data, "getlist") else []
        if len(slots) != len(files):
            raise ValidationFailed(fields={"slots": [_("Name the attachment slot of every file.")]})
        filing, created = services.filing_submit_direct(
            filer=caller(request),
            kind_code=clean["kind"],
            form=form,
            files=list(zip(slots, files, strict=True)),
            signed=services.Signed(clean["signature"], clean["certificate"]),
            client_key=clean["client_key"],
            payer_name=clean["payer_name"],
        )
        if request.query_params.get("brief") == "1":  # the load generator's lean answer
            body: dict[str, Any] = {
                "id": filing.pk,
                "number": filing.number,
                "status": filing.status,
            }
        else:
            body = filing_data(filing)
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class DraftCreateApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_drafts_create",
        request=DraftCreateInputSerializer,
        responses={201: FilingOutputSerializer, **WRITE_ERRORS},
        summary="Start a draft of a filing",
    )
    def post(self, request: Request) -> Response:
        data = validated(DraftCreateInputSerializer, request.data)
        filing = services.draft_create(
            filer=caller(request), kind_code=data["kind"], form=data["form"]
        )
        return Response(filing_data(filing), status=status.HTTP_201_CREATED)


class FilingDetailApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_filings_retrieve",
        parameters=[FILING_ID],
        responses={200: FilingOutputSerializer, **READ_ERRORS},
        summary="A filing (its filer, or the receiving court's office)",
    )
    def get(self, request: Request, filing_id: int) -> Response:
        return Response(filing_data(selectors.access_filing(caller(request), filing_id)))

    @extend_schema(
        tags=TAGS,
        operation_id="filing_drafts_update",
        parameters=[FILING_ID],
        request=DraftUpdateInputSerializer,
        responses={200: FilingOutputSerializer, **WRITE_ERRORS},
        summary="Save the draft's form",
    )
    def patch(self, request: Request, filing_id: int) -> Response:
        filing = _own(request, filing_id)
        data = validated(DraftUpdateInputSerializer, request.data)
        filing = services.draft_update(filing=filing, filer=caller(request), form=data["form"])
        return Response(filing_data(filing))

    @extend_schema(
        tags=TAGS,
        operation_id="filing_drafts_destroy",
        parameters=[FILING_ID],
        responses={204: None, **WRITE_ERRORS},
        summary="Delete a draft",
    )
    def delete(self, request: Request, filing_id: int) -> Response:
        services.draft_delete(filing=_own(request, filing_id), filer=caller(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class AttachmentCollectionApi(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        tags=TAGS,
        operation_id="filing_attachments_create",
        parameters=[FILING_ID],
        request={"multipart/form-data": AttachmentInputSerializer},
        responses={201: AttachmentOutputSerializer, **WRITE_ERRORS},
        summary="Attach a file to a draft (checked, stored by its SHA-256)",
    )
    def post(self, request: Request, filing_id: int) -> Response:
        filing = _own(request, filing_id)
        data = validated(AttachmentInputSerializer, request.data)
        attachment = services.attachment_add(
            filing=filing, filer=caller(request), slot=data["slot"], upload=data["file"]
        )
        return Response(AttachmentOutputSerializer(attachment).data, status=status.HTTP_201_CREATED)


class AttachmentDetailApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_attachments_download",
        parameters=[FILING_ID, ATTACHMENT_ID],
        responses=BINARY,
        summary="Download an attachment",
    )
    def get(self, request: Request, filing_id: int, attachment_id: int) -> HttpResponseBase:
        attachment = selectors.access_attachment(
            caller(request), filing_id, attachment_id, request=request
        )
        return FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )

    @extend_schema(
        tags=TAGS,
        operation_id="filing_attachments_destroy",
        parameters=[FILING_ID, ATTACHMENT_ID],
        responses={204: None, **WRITE_ERRORS},
        summary="Remove an attachment from a draft",
    )
    def delete(self, request: Request, filing_id: int, attachment_id: int) -> Response:
        services.attachment_remove(
            filing=_own(request, filing_id), filer=caller(request), attachment_id=attachment_id
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class BundleApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_bundle_retrieve",
        parameters=[FILING_ID],
        responses={200: BundleOutputSerializer, **READ_ERRORS},
        summary="The exact bytes to sign for this draft (canonical bundle)",
    )
    def get(self, request: Request, filing_id: int) -> Response:
        payload = services.bundle_for(_own(request, filing_id))
        return Response(
            {
                "payload": base64.b64encode(payload).decode(),
                "sha256": services.signing.bundle_digest(payload),
            }
        )


class PaymentApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_payments_create",
        parameters=[FILING_ID],
        request=PaymentInputSerializer,
        responses={201: PaymentOutputSerializer, **WRITE_ERRORS},
        summary="Pay the state fee (through the configured payment gateway)",
    )
    def post(self, request: Request, filing_id: int) -> Response:
        data = validated(PaymentInputSerializer, request.data)
        payment = services.payment_make(
            filing=_own(request, filing_id), filer=caller(request), **data
        )
        return Response(PaymentOutputSerializer(payment).data, status=status.HTTP_201_CREATED)


class SubmitApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_filings_submit",
        parameters=[FILING_ID],
        request=SubmitInputSerializer,
        responses={200: FilingOutputSerializer, **WRITE_ERRORS},
        summary="Submit a signed draft (a repeat returns the filing unchanged)",
    )
    def post(self, request: Request, filing_id: int) -> Response:
        data = validated(SubmitInputSerializer, request.data)
        filing = services.filing_submit(
            filing=_own(request, filing_id),
            filer=caller(request),
            signed=services.Signed(data["signature"], data["certificate"]),
            client_key=data["client_key"],
        )
        return Response(filing_data(filing))


# --- formal check --------------------------------------------------------------------------------


class CheckQueueApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="filing_queue_list",
        responses={200: FilingListOutputSerializer(many=True), 401: UNAUTHENTICATED},
        summary="Filings waiting for the formal check in the caller's court, oldest first",
    )
    def get(self, request: Request) -> Response:
        return paginated_response(
            self, request, selectors.check_queue(caller(request)), FilingListOutputSerializer
        )


class AcceptApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_filings_accept",
        parameters=[FILING_ID],
        request=None,
        responses={200: FilingOutputSerializer, **WRITE_ERRORS},
        summary="Accept: register the case (number, judge by distribution) or record the petition",
    )
    def post(self, request: Request, filing_id: int) -> Response:
        user = caller(request)
        filing = services.filing_accept(filing=selectors.access_filing(user, filing_id), clerk=user)
        return Response(filing_data(filing))


class ReturnApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_filings_return",
        parameters=[FILING_ID],
        request=ReturnInputSerializer,
        responses={200: FilingOutputSerializer, **WRITE_ERRORS},
        summary="Return the filing with grounds from the table",
    )
    def post(self, request: Request, filing_id: int) -> Response:
        user = caller(request)
        data = validated(ReturnInputSerializer, request.data)
        filing = services.filing_return(
            filing=selectors.access_filing(user, filing_id), clerk=user, **data
        )
        return Response(filing_data(filing))


class LeaveWithoutMotionApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_filings_leave_without_motion",
        parameters=[FILING_ID],
        request=LeaveInputSerializer,
        responses={200: FilingOutputSerializer, **WRITE_ERRORS},
        summary="Leave the filing without motion, with grounds and a deadline to cure",
    )
    def post(self, request: Request, filing_id: int) -> Response:
        user = caller(request)
        data = validated(LeaveInputSerializer, request.data)
        filing = services.filing_leave_without_motion(
            filing=selectors.access_filing(user, filing_id), clerk=user, **data
        )
        return Response(filing_data(filing))


# --- cabinet -------------------------------------------------------------------------------------


class CabinetCaseListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="filing_cabinet_cases_list",
        responses={200: CabinetCaseOutputSerializer(many=True), 401: UNAUTHENTICATED},
        summary="My cases (as party, representative or prosecutor)",
    )
    def get(self, request: Request) -> Response:
        return paginated_response(
            self, request, case_selectors.my_cases(caller(request)), CabinetCaseOutputSerializer
        )


class CabinetHistoryApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_cabinet_case_history",
        parameters=[CASE_ID],
        responses={200: HistoryOutputSerializer(many=True), **READ_ERRORS},
        summary="A case's history in time order: its events and my filings in it",
    )
    def get(self, request: Request, case_id: int) -> Response:
        user = caller(request)
        case = case_selectors.access_case(user, case_id, request=request)
        rows = selectors.case_history(user, case)
        return Response(HistoryOutputSerializer(rows, many=True).data)


class CabinetDocumentListApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_cabinet_case_documents",
        parameters=[CASE_ID],
        responses={200: CabinetDocumentOutputSerializer(many=True), **READ_ERRORS},
        summary="A case's documents I may download",
    )
    def get(self, request: Request, case_id: int) -> Response:
        case = case_selectors.access_case(caller(request), case_id, request=request)
        rows = case_selectors.case_documents(case)
        return Response(CabinetDocumentOutputSerializer(rows, many=True).data)


class CabinetDocumentApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_cabinet_case_document_download",
        parameters=[CASE_ID, DOCUMENT_ID],
        responses=BINARY,
        summary="Download a case document",
    )
    def get(self, request: Request, case_id: int, document_id: int) -> HttpResponseBase:
        document = selectors.access_case_document(
            caller(request), case_id, document_id, request=request
        )
        return FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type,
        )


# --- certificate ---------------------------------------------------------------------------------


class CertificateIssueApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="filing_certificates_issue",
        request=CertificateInputSerializer,
        responses={
            (201, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY),
            400: BAD_INPUT,
            401: UNAUTHENTICATED,
        },
        summary="Certificate of presence or absence of court cases for the caller (signed PDF)",
        description="Headers: X-Sot-Certificate-Serial, X-Sot-Certificate-SHA256, "
        "X-Sot-Signature (Ed25519, base64).",
    )
    def post(self, request: Request) -> HttpResponse:
        data = validated(CertificateInputSerializer, request.data)
        issued = certificate.certificate_issue(user=caller(request), lang=data["lang"])
        response = HttpResponse(issued.pdf, content_type="application/pdf", status=201)
        response["Content-Disposition"] = f'attachment; filename="{issued.record.serial}.pdf"'
        response["X-Sot-Certificate-Serial"] = issued.record.serial
        response["X-Sot-Certificate-SHA256"] = issued.record.pdf_sha256
        response["X-Sot-Signature"] = issued.record.signature
        return response


class CertificateVerifyApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        operation_id="filing_certificates_verify",
        parameters=[CertificateVerifyInputSerializer],
        responses={200: CertificateVerifyOutputSerializer, 400: BAD_INPUT},
        summary="Check a certificate of presence or absence of court cases",
    )
    def get(self, request: Request) -> Response:
        params = validated_filters(CertificateVerifyInputSerializer, request)
        record = certificate.certificate_verify(params["serial"], params["sha256"])
        return Response(
            {
                "valid": record is not None,
                "serial": params["serial"],
                "issued_at": record.issued_at if record else None,
                "case_count": record.case_count if record else None,
                "signature": record.signature if record else "",
                "public_key": certificate.public_key_b64(),
            }
        )
