from django.urls import path

from backend.responses.api import views

urlpatterns = [
    path("responses/", views.ResponseListApi.as_view(), name="response-list"),
    path("responses/<int:pk>/", views.ResponseDetailApi.as_view(), name="response-detail"),
    path("needs/<int:pk>/responses/", views.NeedResponsesApi.as_view(), name="need-responses"),
    path(
        "responses/<int:pk>/access-log/",
        views.ResponseReadsApi.as_view(),
        name="response-access-log",
    ),
    path(
        "organizations/<int:pk>/response-access-log/",
        views.OrganizationResponseReadsApi.as_view(),
        name="organization-response-access-log",
    ),
]
