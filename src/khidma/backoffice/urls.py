from django.contrib.auth import views as auth_views
from django.urls import path

from khidma.backoffice import views

app_name = "backoffice"
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="backoffice/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="backoffice:login"), name="logout"),
    path("", views.home, name="home"),
    path("queue/<slug:name>/", views.queue_view, name="queue"),
    path("cases/<str:reference>/", views.case_view, name="case"),
    path("cases/<str:reference>/<slug:action>/", views.case_action, name="action"),
    path("console/", views.console, name="console"),
    path("bulk/", views.bulk_action, name="bulk"),
    path("filters/", views.filter_save, name="filter-save"),
    path("filters/<int:pk>/delete/", views.filter_delete, name="filter-delete"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
