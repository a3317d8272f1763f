"""The language of each response.

Kazakh is the state language, so a page is in Kazakh unless the person chose otherwise: the language
cookie (set by the switcher), else a signed-in user's preferred language, else ``LANGUAGE_CODE``. A
browser's Accept-Language does not override that choice on pages. API clients state the language they
want per request, so under ``/api/`` Accept-Language is honoured.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

API_PREFIX = "/api/"


def choose_language(request: HttpRequest) -> str:
    supported = {code for code, _name in settings.LANGUAGES}
    if request.path.startswith(API_PREFIX):
        return translation.get_language_from_request(request)
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen in supported:
        return chosen
    user = getattr(request, "user", None)
    preferred = getattr(user, "preferred_language", "") if user is not None else ""
    if user is not None and user.is_authenticated and preferred in supported:
        return str(preferred)
    return str(settings.LANGUAGE_CODE)


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = choose_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response
