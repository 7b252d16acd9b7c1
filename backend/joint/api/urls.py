from django.urls import path

from backend.joint.api import views

urlpatterns = [
    path(
        "needs/<int:pk>/joint-procurement/",
        views.NeedJointApi.as_view(),
        name="need-joint-procurement",
    ),
    path(
        "needs/<int:pk>/joint-procurement/invite/",
        views.NeedJointInviteApi.as_view(),
        name="need-joint-procurement-invite",
    ),
    path("joint-groups/", views.GroupListApi.as_view(), name="joint-group-list"),
    path("joint-groups/<int:pk>/", views.GroupDetailApi.as_view(), name="joint-group-detail"),
    path(
        "joint-groups/<int:pk>/hand-over/",
        views.GroupHandOverApi.as_view(),
        name="joint-group-hand-over",
    ),
    path(
        "joint-groups/<int:pk>/dissolve/",
        views.GroupDissolveApi.as_view(),
        name="joint-group-dissolve",
    ),
    path("joint-memberships/", views.MembershipListApi.as_view(), name="joint-membership-list"),
    path(
        "joint-memberships/<int:pk>/",
        views.MembershipDetailApi.as_view(),
        name="joint-membership-detail",
    ),
    path(
        "joint-memberships/<int:pk>/accept/",
        views.MembershipAcceptApi.as_view(),
        name="joint-membership-accept",
    ),
    path(
        "joint-memberships/<int:pk>/decline/",
        views.MembershipDeclineApi.as_view(),
        name="joint-membership-decline",
    ),
    path(
        "joint-memberships/<int:pk>/leave/",
        views.MembershipLeaveApi.as_view(),
        name="joint-membership-leave",
    ),
]
