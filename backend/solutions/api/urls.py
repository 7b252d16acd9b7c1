from django.urls import path

from backend.solutions.api import views

urlpatterns = [
    path("solutions/", views.SolutionListApi.as_view(), name="solution-list"),
    path("solutions/<int:pk>/", views.SolutionDetailApi.as_view(), name="solution-detail"),
    path(
        "solutions/<int:pk>/publish/", views.SolutionPublishApi.as_view(), name="solution-publish"
    ),
    path(
        "solutions/<int:pk>/archive/", views.SolutionArchiveApi.as_view(), name="solution-archive"
    ),
]
