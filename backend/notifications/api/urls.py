from django.urls import path

from backend.notifications.api import views

urlpatterns = [
    path("notifications/", views.NotificationListApi.as_view(), name="notification-list"),
    path(
        "notifications/unread-count/",
        views.NotificationUnreadCountApi.as_view(),
        name="notification-unread-count",
    ),
    path(
        "notifications/read-all/",
        views.NotificationReadAllApi.as_view(),
        name="notification-read-all",
    ),
    path(
        "notifications/<int:pk>/read/",
        views.NotificationReadApi.as_view(),
        name="notification-read",
    ),
    path(
        "notifications/preferences/",
        views.NotificationPreferenceListApi.as_view(),
        name="notification-preferences",
    ),
    path(
        "notifications/preferences/<str:kind>/",
        views.NotificationPreferenceApi.as_view(),
        name="notification-preference",
    ),
    path(
        "notifications/unsubscribe/",
        views.NotificationUnsubscribeApi.as_view(),
        name="notification-unsubscribe",
    ),
]
