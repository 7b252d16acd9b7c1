from django.urls import path

from backend.pilots.api import views

urlpatterns = [
    path("needs/<int:pk>/pilot/", views.PilotApi.as_view(), name="need-pilot"),
    path(
        "needs/<int:pk>/pilot/results/", views.PilotResultsApi.as_view(), name="need-pilot-results"
    ),
]
