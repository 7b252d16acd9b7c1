from django.urls import path

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
]
