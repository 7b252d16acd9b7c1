from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from backend.common.api import NotFoundApi
from backend.web.views import robots_txt, spa

api: list[URLPattern | URLResolver] = [
    # First: the search is the API's busiest route, and each include tried before it costs a
    # resolution (0.25 ms a search from the eleventh place; BENCHMARKS.md, figure 4).
    path("", include("backend.discovery.api.urls")),
    path("", include("backend.accounts.api.urls")),
    path("", include("backend.identity.api.urls")),
    path("", include("backend.privacy.api.urls")),
    path("", include("backend.needs.api.urls")),
    path("", include("backend.solutions.api.urls")),
    path("", include("backend.dialogue.api.urls")),
    path("", include("backend.notices.api.urls")),
    path("", include("backend.responses.api.urls")),
    path("", include("backend.matches.api.urls")),
    path("", include("backend.notifications.api.urls")),
    path("", include("backend.reference.api.urls")),
    path("", include("backend.insights.api.urls")),
    path("", include("backend.cases.api.urls")),
    path("", include("backend.research.api.urls")),
    path("", include("backend.pilots.api.urls")),
    path("", include("backend.joint.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's init script as a file: no inline script (CSP).
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="schema", template_name="web/swagger_ui.html"),
        name="docs",
    ),
    # Last: a JSON 404 for what matched nothing above, even with a line break in it (a path
    # without its final slash is still redirected to the one with it by CommonMiddleware).
    re_path(r"^(?:[\s\S]*/)?$", NotFoundApi.as_view(), name="api-not-found"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include(api)),
    path("robots.txt", robots_txt, name="robots-txt"),
    re_path(r"^(?!api/|admin/|static/)(?P<path>.*)$", spa, name="spa"),
]
