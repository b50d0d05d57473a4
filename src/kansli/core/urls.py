from django.contrib.auth import views as auth_views
from django.urls import path

from .security import account_views, login_views

app_name = "core"
urlpatterns = [
    path("logga-in/", login_views.KansliLoginView.as_view(), name="login"),
    path("logga-in/kod/", login_views.LoginCodeView.as_view(), name="login_code"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/tvastegsverifiering/", account_views.two_factor, name="two_factor"),
    path(
        "konto/tvastegsverifiering/starta/",
        account_views.two_factor_begin,
        name="two_factor_begin",
    ),
    path(
        "konto/tvastegsverifiering/bekrafta/",
        account_views.two_factor_confirm,
        name="two_factor_confirm",
    ),
    path(
        "konto/tvastegsverifiering/avbryt/",
        account_views.two_factor_cancel,
        name="two_factor_cancel",
    ),
    path(
        "konto/tvastegsverifiering/stang-av/",
        account_views.two_factor_disable,
        name="two_factor_disable",
    ),
    path(
        "konto/tvastegsverifiering/reservkoder/",
        account_views.two_factor_recovery,
        name="two_factor_recovery",
    ),
]
