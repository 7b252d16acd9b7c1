from django.urls import path

from backend.accounts.api import auth_views as av
from backend.accounts.api import membership_views as mv
from backend.accounts.api import views

urlpatterns = [
    path("auth/session/", av.SessionApi.as_view(), name="auth-session"),
    path("auth/register/", av.RegisterApi.as_view(), name="auth-register"),
    path("auth/verify-email/", av.VerifyEmailApi.as_view(), name="auth-verify-email"),
    path(
        "auth/verify-email/resend/",
        av.VerifyEmailResendApi.as_view(),
        name="auth-verify-email-resend",
    ),
    path("auth/password-reset/", av.PasswordResetApi.as_view(), name="auth-password-reset"),
    path(
        "auth/password-reset/confirm/",
        av.PasswordResetConfirmApi.as_view(),
        name="auth-password-reset-confirm",
    ),
    path("auth/password/", av.PasswordChangeApi.as_view(), name="auth-password-change"),
    path("auth/me/", views.MeApi.as_view(), name="auth-me"),
    path("auth/tokens/", av.ApiTokenListApi.as_view(), name="auth-token-list"),
    path("auth/tokens/<str:key>/", av.ApiTokenDetailApi.as_view(), name="auth-token-detail"),
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
    path(
        "organizations/<int:pk>/unverify/",
        mv.OrganizationUnverifyApi.as_view(),
        name="organization-unverify",
    ),
    path(
        "organizations/<int:org_pk>/members/<int:pk>/",
        mv.MemberDetailApi.as_view(),
        name="organization-member-detail",
    ),
    path(
        "organizations/<int:pk>/hand-over/",
        mv.AdminHandOverApi.as_view(),
        name="organization-hand-over",
    ),
    path(
        "organizations/<int:pk>/join-requests/",
        mv.JoinRequestListApi.as_view(),
        name="organization-join-requests",
    ),
    path(
        "organizations/<int:pk>/invitations/",
        mv.InvitationListApi.as_view(),
        name="organization-invitations",
    ),
    path("join-requests/", mv.MyJoinRequestListApi.as_view(), name="join-request-list"),
    path(
        "join-requests/<int:pk>/approve/",
        mv.JoinRequestApproveApi.as_view(),
        name="join-request-approve",
    ),
    path(
        "join-requests/<int:pk>/decline/",
        mv.JoinRequestDeclineApi.as_view(),
        name="join-request-decline",
    ),
    path(
        "join-requests/<int:pk>/withdraw/",
        mv.JoinRequestWithdrawApi.as_view(),
        name="join-request-withdraw",
    ),
    path(
        "invitations/<int:pk>/revoke/", mv.InvitationRevokeApi.as_view(), name="invitation-revoke"
    ),
    path("invitations/accept/", mv.InvitationAcceptApi.as_view(), name="invitation-accept"),
]
