from django.urls import path

from backend.research.api import views

urlpatterns = [
    path("research/profiles/", views.ProfileListApi.as_view(), name="research-profile-list"),
    path(
        "research/profiles/<int:pk>/",
        views.ProfileDetailApi.as_view(),
        name="research-profile-detail",
    ),
    path(
        "research/profiles/<int:pk>/publish/",
        views.ProfilePublishApi.as_view(),
        name="research-profile-publish",
    ),
    path(
        "research/profiles/<int:pk>/withdraw/",
        views.ProfileWithdrawApi.as_view(),
        name="research-profile-withdraw",
    ),
    path(
        "needs/<int:pk>/research-suggestions/",
        views.NeedResearchSuggestionsApi.as_view(),
        name="need-research-suggestions",
    ),
    path(
        "research/partnerships/",
        views.PartnershipListApi.as_view(),
        name="research-partnership-list",
    ),
    path(
        "research/partnerships/<int:pk>/",
        views.PartnershipDetailApi.as_view(),
        name="research-partnership-detail",
    ),
    path(
        "research/partnerships/<int:pk>/accept/",
        views.PartnershipAcceptApi.as_view(),
        name="research-partnership-accept",
    ),
    path(
        "research/partnerships/<int:pk>/decline/",
        views.PartnershipDeclineApi.as_view(),
        name="research-partnership-decline",
    ),
    path(
        "research/partnerships/<int:pk>/end/",
        views.PartnershipEndApi.as_view(),
        name="research-partnership-end",
    ),
    path(
        "research/partnerships/<int:pk>/responses/",
        views.PartnershipResponsesApi.as_view(),
        name="research-partnership-responses",
    ),
]
