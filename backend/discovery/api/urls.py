from django.urls import path

from backend.discovery.api import missed_views, views

urlpatterns = [
    path("search/", views.SearchApi.as_view(), name="search"),
    path("search/autocomplete/", views.AutocompleteApi.as_view(), name="search-autocomplete"),
    path("search/missed/", missed_views.MissedSearchListApi.as_view(), name="search-missed"),
    path("saved-searches/", views.SavedSearchListApi.as_view(), name="saved-search-list"),
    path(
        "saved-searches/<int:pk>/", views.SavedSearchDetailApi.as_view(), name="saved-search-detail"
    ),
]
