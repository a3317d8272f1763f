"""Signature pages: QR sign-in, the phone's signing page, and the widget's static parts.

Every page works without JavaScript: the QR sign-in page has a "continue" button, and the phone page
accepts a pasted signature. With JavaScript the browser polls and the phone signs with WebCrypto.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sot.accounts.models import User
from sot.core import clock
from sot.core.audit import audit_record
from sot.core.errors import DomainError
from sot.core.models import AuditAction

from . import challenges
from .links import phone_url, qr_svg
from .models import Challenge, ChallengePurpose
from .services import canonical_bundle, decode_signature, verify_signature
from .verdict import Verdict

SESSION_KEY = "signatures_qr_login"
AUTH_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _session_key(request: HttpRequest) -> str:
    if not request.session.session_key:
        request.session.save()
    return str(request.session.session_key)


def _safe_next(request: HttpRequest, value: str) -> str:
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}):
        return value
    return reverse("web:home")


@require_GET
def qr_login(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("web:home")
    challenge = challenges.create_login_challenge(session_key=_session_key(request))
    request.session[SESSION_KEY] = challenge.pk
    url = phone_url(request, challenge)
    context = {
        "challenge": challenge,
        "phone_url": url,
        "qr": qr_svg(url),
        "next": _safe_next(request, request.GET.get("next", "")),
        "seconds": int(challenges.lifetime().total_seconds()),
    }
    return render(request, "signatures/qr_login.html", context)


@require_POST
def qr_login_complete(request: HttpRequest, challenge_id: int) -> HttpResponse:
    """Polled by the page's script (JSON) or pressed as a button (redirect)."""
    wants_json = "application/json" in request.headers.get("Accept", "")
    next_url = _safe_next(request, request.POST.get("next", ""))
    try:
        user = challenges.consume_login(
            challenge_id=challenge_id, session_key=request.session.session_key or ""
        )
    except DomainError as error:
        if wants_json:
            return JsonResponse(
                {"state": "failed", "code": error.code, "message": error.render_message()}
            )
        messages.error(request, error.render_message())
        return redirect("signatures:qr_login")
    if user is None:
        if wants_json:
            return JsonResponse({"state": "open"})
        messages.info(
            request, _("The phone has not signed yet. Scan the code and sign, then continue.")
        )
        return redirect(f"{reverse('signatures:qr_login')}?next={next_url}")
    login(request, user, backend=AUTH_BACKEND)
    audit_record(
        actor=user,
        action=AuditAction.SIGN_IN,
        object_type="accounts.User",
        object_id=user.pk,
        details={"method": "qr"},
        request=request,
    )
    if wants_json:
        return JsonResponse({"state": "signed_in", "redirect": next_url})
    return redirect(next_url)


@require_http_methods(["GET", "POST"])
def phone(request: HttpRequest, token: str) -> HttpResponse:
    """The phone's page: load the key file, sign, send. Also accepts a pasted signature."""
    error: DomainError | None = None
    done = False
    challenge: Challenge | None = None
    try:
        challenge = challenges.open_challenge(token)
    except DomainError as exc:
        error = exc
    if request.method == "POST" and challenge is not None:
        try:
            challenges.answer_challenge(
                token=token,
                signature_b64=request.POST.get("signature", ""),
                certificate_pem=request.POST.get("certificate", ""),
            )
            done = True
        except DomainError as exc:
            error = exc
    context: dict[str, Any] = {
        "challenge": challenge,
        "token": token,
        "error": error,
        "done": done,
        "is_login": challenge is not None and challenge.purpose == ChallengePurpose.LOGIN,
    }
    if challenge is not None:
        payload = bytes(challenge.payload)
        context["payload_b64"] = challenges.payload_b64(challenge)
        context["payload_sha256"] = hashlib.sha256(payload).hexdigest()
        context["payload_preview"] = payload[:2000].decode("utf-8", "replace")
    return render(request, "signatures/phone.html", context, status=error.status if error else 200)


@login_required
@require_http_methods(["GET", "POST"])
def try_signing(request: HttpRequest) -> HttpResponse:
    """Sign a sample bundle with your key file and see the server's verdict: a check of one's setup."""
    user = request.user
    assert isinstance(user, User)
    verdict = None
    if request.method == "POST":
        payload = decode_signature(request.POST.get("payload_b64", "")) or b""
        signature = decode_signature(request.POST.get("signature", ""))
        if signature is None or not payload:
            verdict = Verdict.of("malformed")
        else:
            verdict = verify_signature(
                payload=payload,
                signature=signature,
                certificate_pem=request.POST.get("certificate", ""),
                expected_iin=user.iin or "",
            )
    sample = canonical_bundle(
        form={
            "check": "signature",
            "user": user.username,
            "at": clock.now().isoformat(timespec="seconds"),
        },
        attachments=[],
    )
    context = {"payload_b64": base64.b64encode(sample).decode("ascii"), "verdict": verdict}
    return render(request, "signatures/try.html", context)
