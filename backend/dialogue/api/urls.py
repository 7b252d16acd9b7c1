from django.urls import path

from backend.dialogue.api import invitation_views, ongoing_views, record_views, views

urlpatterns = [
    path("conferences/", views.ConferenceListApi.as_view(), name="conference-list"),
    path("conferences/<int:pk>/", views.ConferenceDetailApi.as_view(), name="conference-detail"),
    path(
        "conferences/<int:pk>/publish/",
        views.ConferencePublishApi.as_view(),
        name="conference-publish",
    ),
    path(
        "conferences/<int:pk>/cancel/",
        views.ConferenceCancelApi.as_view(),
        name="conference-cancel",
    ),
    path(
        "conferences/<int:pk>/booking-allowance/",
        views.BookingAllowanceApi.as_view(),
        name="conference-booking-allowance",
    ),
    path(
        "conferences/<int:pk>/registrations/",
        views.RegistrationListApi.as_view(),
        name="conference-registrations",
    ),
    path(
        "conferences/<int:pk>/registrations/<int:registration_id>/",
        views.RegistrationDetailApi.as_view(),
        name="conference-registration-detail",
    ),
    path(
        "conferences/<int:pk>/registrations/export/",
        views.RegistrationExportApi.as_view(),
        name="conference-registrations-export",
    ),
    path(
        "conferences/<int:pk>/invitations/",
        invitation_views.ConferenceInvitationListApi.as_view(),
        name="conference-invitations",
    ),
    path("conferences/<int:pk>/slots/", views.SlotListApi.as_view(), name="conference-slots"),
    path(
        "conferences/<int:pk>/questions/",
        views.QuestionListApi.as_view(),
        name="conference-questions",
    ),
    path("questions/<int:pk>/answer/", views.QuestionAnswerApi.as_view(), name="question-answer"),
    path("slots/mine/", views.MySlotsApi.as_view(), name="slot-mine"),
    path("slots/<int:pk>/", views.SlotDetailApi.as_view(), name="slot-detail"),
    path("slots/<int:pk>/book/", views.SlotBookApi.as_view(), name="slot-book"),
    path("slots/<int:pk>/cancel/", views.SlotCancelApi.as_view(), name="slot-cancel"),
    # The equal-treatment record (record_views).
    path("slots/<int:pk>/minutes/", record_views.MinutesApi.as_view(), name="slot-minutes"),
    path(
        "slots/<int:pk>/minutes/comments/",
        record_views.MinutesCommentApi.as_view(),
        name="slot-minutes-comments",
    ),
    path(
        "slots/<int:pk>/shared-information/",
        record_views.MeetingShareApi.as_view(),
        name="slot-shared-information",
    ),
    path(
        "conferences/<int:pk>/shared-information/",
        record_views.ConferenceSharedApi.as_view(),
        name="conference-shared-information",
    ),
    path(
        "needs/<int:pk>/shared-information/",
        record_views.NeedSharedApi.as_view(),
        name="need-shared-information",
    ),
    # A need's ongoing dialogue (ongoing_views) and its meetings' record.
    path(
        "needs/<int:pk>/ongoing-dialogue/",
        ongoing_views.OngoingApi.as_view(),
        name="need-ongoing-dialogue",
    ),
    path(
        "needs/<int:pk>/ongoing-dialogue/close/",
        ongoing_views.OngoingCloseApi.as_view(),
        name="need-ongoing-dialogue-close",
    ),
    path(
        "needs/<int:pk>/meeting-requests/",
        ongoing_views.MeetingRequestListApi.as_view(),
        name="need-meeting-requests",
    ),
    path(
        "meeting-requests/<int:pk>/accept/",
        ongoing_views.MeetingRequestAcceptApi.as_view(),
        name="meeting-request-accept",
    ),
    path(
        "meeting-requests/<int:pk>/decline/",
        ongoing_views.MeetingRequestDeclineApi.as_view(),
        name="meeting-request-decline",
    ),
    path(
        "meeting-requests/<int:pk>/withdraw/",
        ongoing_views.MeetingRequestWithdrawApi.as_view(),
        name="meeting-request-withdraw",
    ),
    path(
        "meeting-requests/<int:pk>/cancel/",
        ongoing_views.MeetingRequestCancelApi.as_view(),
        name="meeting-request-cancel",
    ),
    path(
        "meeting-requests/<int:pk>/minutes/",
        record_views.RequestMinutesApi.as_view(),
        name="meeting-request-minutes",
    ),
    path(
        "meeting-requests/<int:pk>/minutes/comments/",
        record_views.RequestMinutesCommentApi.as_view(),
        name="meeting-request-minutes-comments",
    ),
    path(
        "meeting-requests/<int:pk>/shared-information/",
        record_views.RequestShareApi.as_view(),
        name="meeting-request-shared-information",
    ),
]
