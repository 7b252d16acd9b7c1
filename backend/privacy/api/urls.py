from django.urls import path

from backend.privacy.api import views

urlpatterns = [
    path("auth/me/export/", views.PersonalDataExportApi.as_view(), name="auth-me-export"),
    path("auth/me/deletion/", views.AccountDeletionApi.as_view(), name="auth-me-deletion"),
]
