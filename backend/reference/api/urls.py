from django.urls import path

from backend.reference.api import views

urlpatterns = [
    path("reference/sectors/", views.SectorsApi.as_view(), name="reference-sectors"),
    path("reference/counties/", views.CountiesApi.as_view(), name="reference-counties"),
    path("reference/stages/", views.StagesApi.as_view(), name="reference-stages"),
    path("reference/procedures/", views.ProceduresApi.as_view(), name="reference-procedures"),
    path("reference/languages/", views.LanguagesApi.as_view(), name="reference-languages"),
    path("reference/cpv/", views.CpvApi.as_view(), name="reference-cpv"),
]
