from django.urls import path

from backend.insights.api import barometer_views, views

urlpatterns = [
    path("stats/pipeline/", views.PipelineApi.as_view(), name="stats-pipeline"),
    path("insights/barometer/", barometer_views.BarometerApi.as_view(), name="barometer"),
    path(
        "insights/barometer/export/",
        barometer_views.BarometerExportApi.as_view(),
        name="barometer-export",
    ),
]
