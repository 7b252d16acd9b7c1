from django.urls import path

from backend.discovery.api import views

urlpatterns = [
    path("search/", views.SearchApi.as_view(), name="search"),
    path("search/autocomplete/", views.AutocompleteApi.as_view(), name="search-autocomplete"),
    path("saved-searches/", views.SavedSearchListApi.as_view(), name="saved-search-list"),
    path(
        "saved-searches/<int:pk>/", views.SavedSearchDetailApi.as_view(), name="saved-search-detail"
    ),
]
