from django.urls import path

from backend.responses.api import views

urlpatterns = [
    path("responses/", views.ResponseListApi.as_view(), name="response-list"),
    path("responses/<int:pk>/", views.ResponseDetailApi.as_view(), name="response-detail"),
    path("needs/<int:pk>/responses/", views.NeedResponsesApi.as_view(), name="need-responses"),
]
