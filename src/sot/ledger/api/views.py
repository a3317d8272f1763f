"""The public ledger API: read-only, open to everyone, one view per operation."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.core.api.schema import BAD_INPUT, NOT_FOUND
from sot.core.api.views import validated_filters
from sot.core.errors import NotFound
from sot.ledger import documents, selectors

from .serializers import (
    ConsistencyProofInputSerializer,
    ConsistencyProofOutputSerializer,
    InclusionProofInputSerializer,
    InclusionProofOutputSerializer,
    LeafOutputSerializer,
    TreeHeadOutputSerializer,
)

TAGS = ["ledger"]


class PublicApi(APIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)


class TreeHeadLatestApi(PublicApi):
    @extend_schema(
        tags=TAGS,
        operation_id="ledger_head_retrieve",
        responses={200: TreeHeadOutputSerializer, 404: NOT_FOUND},
        summary="The latest signed tree head",
    )
    def get(self, request: Request) -> Response:
        head = selectors.tree_head_latest()
        if head is None:
            raise NotFound()
        return Response(TreeHeadOutputSerializer(documents.head_document(head)).data)


class LeafDetailApi(PublicApi):
    @extend_schema(
        tags=TAGS,
        operation_id="ledger_leaves_retrieve",
        parameters=[OpenApiParameter("index", int, OpenApiParameter.PATH)],
        responses={200: LeafOutputSerializer, 404: NOT_FOUND},
        summary="A leaf's canonical JSON and hash",
    )
    def get(self, request: Request, index: int) -> Response:
        leaf = selectors.leaf_get(index)
        return Response(LeafOutputSerializer(documents.leaf_document(leaf)).data)


class InclusionProofApi(PublicApi):
    @extend_schema(
        tags=TAGS,
        operation_id="ledger_proof_retrieve",
        parameters=[InclusionProofInputSerializer],
        responses={200: InclusionProofOutputSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
        summary="Inclusion proof of a leaf (RFC 9162 §2.1.3)",
    )
    def get(self, request: Request) -> Response:
        params = validated_filters(InclusionProofInputSerializer, request)
        proof = selectors.inclusion_proof(params["index"], params.get("size"))
        return Response(InclusionProofOutputSerializer(documents.inclusion_document(proof)).data)


class ConsistencyProofApi(PublicApi):
    @extend_schema(
        tags=TAGS,
        operation_id="ledger_consistency_retrieve",
        parameters=[ConsistencyProofInputSerializer],
        responses={200: ConsistencyProofOutputSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
        summary="Consistency proof between two tree sizes (RFC 9162 §2.1.4)",
    )
    def get(self, request: Request) -> Response:
        params = validated_filters(ConsistencyProofInputSerializer, request)
        proof = selectors.consistency_proof(params["first"], params["second"])
        return Response(
            ConsistencyProofOutputSerializer(documents.consistency_document(proof)).data
        )
