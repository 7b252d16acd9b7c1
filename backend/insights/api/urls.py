from django.urls import path

from backend.insights.api import views

urlpatterns = [path("stats/pipeline/", views.PipelineApi.as_view(), name="stats-pipeline")]
