from django.urls import path

from backend.accounts.api import views

urlpatterns = [
    path("auth/session/", views.SessionApi.as_view(), name="auth-session"),
    path("auth/register/", views.RegisterApi.as_view(), name="auth-register"),
    path("auth/me/", views.MeApi.as_view(), name="auth-me"),
    path("auth/token/", views.TokenApi.as_view(), name="auth-token"),
    path("organizations/", views.OrganizationListApi.as_view(), name="organization-list"),
    path(
        "organizations/<int:pk>/", views.OrganizationDetailApi.as_view(), name="organization-detail"
    ),
    path(
        "organizations/<int:pk>/verify/",
        views.OrganizationVerifyApi.as_view(),
        name="organization-verify",
    ),
    path(
        "organizations/<int:pk>/members/",
        views.OrganizationMembersApi.as_view(),
        name="organization-members",
    ),
]
