from django.urls import path, re_path

from backend.common.api import NotFoundApi
from backend.notices.api import views

urlpatterns = [
    path("needs/<int:pk>/notice.xml", views.NeedNoticeXmlApi.as_view(), name="need-notice-xml"),
    path("needs/<int:pk>/ocds.json", views.NeedOcdsApi.as_view(), name="need-ocds"),
    path(
        "needs/<int:pk>/notice-texts/",
        views.NoticeTextListApi.as_view(),
        name="need-notice-text-list",
    ),
    path(
        "needs/<int:pk>/notice-texts/<str:language>/",
        views.NoticeTextDetailApi.as_view(),
        name="need-notice-text-detail",
    ),
    # Any other id before a file name (a word, a sign, a fraction): the API's JSON 404, not a
    # redirect to the same path with a slash.
    re_path(r"^needs/[^/]*/(?:notice\.xml|ocds\.json)$", NotFoundApi.as_view()),
]
