from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

HEX = _("Lower-case hex.")


class TreeHeadOutputSerializer(serializers.Serializer):
    tree_size = serializers.IntegerField()
    root_hash = serializers.CharField(help_text=HEX)
    timestamp = serializers.IntegerField(help_text=_("Milliseconds since the Unix epoch, UTC."))
    signature = serializers.CharField(help_text=_("Ed25519 over the 50-byte tree head, hex."))
    public_key = serializers.CharField(help_text=_("Raw Ed25519 public key, hex."))


class LeafOutputSerializer(serializers.Serializer):
    leaf_index = serializers.IntegerField()
    leaf = serializers.CharField(help_text=_("Canonical JSON text exactly as hashed."))
    leaf_hash = serializers.CharField(help_text=_("SHA-256(0x00 || UTF-8 leaf), hex."))


class InclusionProofInputSerializer(serializers.Serializer):
    index = serializers.IntegerField(min_value=0)
    size = serializers.IntegerField(min_value=1, required=False)


class InclusionProofOutputSerializer(serializers.Serializer):
    leaf_index = serializers.IntegerField()
    tree_size = serializers.IntegerField()
    leaf_hash = serializers.CharField(help_text=HEX)
    audit_path = serializers.ListField(child=serializers.CharField(), help_text=HEX)
    root_hash = serializers.CharField(help_text=HEX)


class ConsistencyProofInputSerializer(serializers.Serializer):
    first = serializers.IntegerField(min_value=1)
    second = serializers.IntegerField(min_value=1)


class ConsistencyProofOutputSerializer(serializers.Serializer):
    first_size = serializers.IntegerField()
    second_size = serializers.IntegerField()
    first_root = serializers.CharField(help_text=HEX)
    second_root = serializers.CharField(help_text=HEX)
    proof = serializers.ListField(child=serializers.CharField(), help_text=HEX)
