from django.urls import path

from backend.matches.api import desk_views, note_views, views

urlpatterns = [
    path("matches/", views.MatchListApi.as_view(), name="match-list"),
    path("matches/queue/", desk_views.MatchQueueApi.as_view(), name="match-queue"),
    path(
        "matches/queue/counts/",
        desk_views.MatchQueueCountsApi.as_view(),
        name="match-queue-counts",
    ),
    path("matches/bulk/", desk_views.MatchBulkApi.as_view(), name="match-bulk"),
    path(
        "matches/note-counts/",
        note_views.MatchNoteCountsApi.as_view(),
        name="match-note-counts",
    ),
    path("matches/export/", views.MatchExportApi.as_view(), name="match-export"),
    path("matches/<int:pk>/", views.MatchDetailApi.as_view(), name="match-detail"),
    path("matches/<int:pk>/shortlist/", views.MatchShortlistApi.as_view(), name="match-shortlist"),
    path("matches/<int:pk>/introduce/", views.MatchIntroduceApi.as_view(), name="match-introduce"),
    path("matches/<int:pk>/reject/", views.MatchRejectApi.as_view(), name="match-reject"),
    path("matches/<int:pk>/notes/", views.MatchNotesApi.as_view(), name="match-notes"),
    path("needs/<int:pk>/matches/", views.NeedMatchesApi.as_view(), name="need-matches"),
    path("needs/<int:pk>/similar/", views.NeedSimilarApi.as_view(), name="need-similar"),
    path(
        "solutions/<int:pk>/matches/", views.SolutionMatchesApi.as_view(), name="solution-matches"
    ),
]
