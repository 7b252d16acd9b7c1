from django.urls import path

from backend.cases.api import views

urlpatterns = [
    path("cases/", views.CaseListApi.as_view(), name="case-list"),
    path("cases/<int:pk>/", views.CaseDetailApi.as_view(), name="case-detail"),
    path("cases/<int:pk>/publish/", views.CasePublishApi.as_view(), name="case-publish"),
    path("cases/<int:pk>/unpublish/", views.CaseUnpublishApi.as_view(), name="case-unpublish"),
    path("cases/<int:pk>/reuse/", views.CaseReuseApi.as_view(), name="case-reuse"),
    path("needs/<int:pk>/case-link/", views.NeedCaseLinkApi.as_view(), name="need-case-link"),
    path(
        "needs/<int:pk>/case-suggestions/",
        views.NeedCaseSuggestionsApi.as_view(),
        name="need-case-suggestions",
    ),
]
