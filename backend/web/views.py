"""Serves the built single-page app (frontend/dist) for every non-API path, and robots.txt."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET


@require_GET
@ensure_csrf_cookie
def spa(request: HttpRequest, path: str = "") -> HttpResponse:
    index = settings.FRONTEND_DIST / "index.html"
    if not index.exists():
        return HttpResponse(
            "<!doctype html><html lang='nb'><head><meta charset='utf-8'>"
            "<title>Innovasjonstorget</title></head><body><main><h1>Innovasjonstorget</h1>"
            "<p>Nettgrensesnittet er ikke bygget. Kjør <code>make run</code>, som bygger det.</p>"
            "<p>API-et: <a href='/api/docs/'>/api/docs/</a></p></main></body></html>",
            status=503,
        )
    return HttpResponse(index.read_text(encoding="utf-8"))


# Crawlers may read the public pages (search, needs, solutions, conferences); the API, the admin
# and the signed-in desks are no search results.
ROBOTS_TXT = """User-agent: *
Disallow: /api/
Disallow: /admin/
Disallow: /account/
Disallow: /advisor/
Disallow: /buyer
Disallow: /supplier
Disallow: /notifications
"""


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    return HttpResponse(ROBOTS_TXT, content_type="text/plain; charset=utf-8")
