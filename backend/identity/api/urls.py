from django.urls import path

from backend.identity.api import views

urlpatterns = [
    path("auth/oidc/login/", views.OidcLoginView.as_view(), name="oidc-login"),
    path("auth/oidc/callback/", views.OidcCallbackView.as_view(), name="oidc-callback"),
    path("auth/identities/", views.IdentityListApi.as_view(), name="identity-list"),
    path("auth/identities/<int:pk>/", views.IdentityDetailApi.as_view(), name="identity-detail"),
]
