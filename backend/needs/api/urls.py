from django.urls import path

from backend.needs.api import views

urlpatterns = [
    path("needs/", views.NeedListApi.as_view(), name="need-list"),
    path("needs/<int:pk>/", views.NeedDetailApi.as_view(), name="need-detail"),
    path("needs/<int:pk>/publish/", views.NeedPublishApi.as_view(), name="need-publish"),
    path("needs/<int:pk>/close/", views.NeedCloseApi.as_view(), name="need-close"),
    path("co-buyer-requests/", views.CoBuyerRequestListApi.as_view(), name="co-buyer-request-list"),
    path(
        "co-buyer-requests/<int:pk>/accept/",
        views.CoBuyerRequestAcceptApi.as_view(),
        name="co-buyer-request-accept",
    ),
    path(
        "co-buyer-requests/<int:pk>/decline/",
        views.CoBuyerRequestDeclineApi.as_view(),
        name="co-buyer-request-decline",
    ),
]
