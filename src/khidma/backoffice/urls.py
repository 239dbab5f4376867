from django.contrib.auth import views as auth_views
from django.urls import include, path

from khidma.backoffice import reply_views, reports_views, signin, views

app_name = "backoffice"
urlpatterns = [
    path("login/", signin.sign_in, name="login"),
    path("login/code/", signin.sign_in_code, name="sign-in-code"),
    path("two-step/", signin.two_step, name="two-step"),
    path("logout/", auth_views.LogoutView.as_view(next_page="backoffice:login"), name="logout"),
    path("", views.home, name="home"),
    path("queue/<slug:name>/", views.queue_view, name="queue"),
    path("cases/<str:reference>/", views.case_view, name="case"),
    path("cases/<str:reference>/attachments/<int:pk>", views.attachment_file, name="attachment"),
    path("cases/<str:reference>/<slug:action>/", views.case_action, name="action"),
    path("console/", views.console, name="console"),
    path("console/suggest", views.console_suggest, name="console-suggest"),
    path("console/history", views.console_history, name="console-history"),
    path("console/places", views.console_places, name="console-places"),
    path("dates/reading", views.date_reading, name="date-reading"),
    path("map/areas.json", views.map_areas, name="map-areas"),
    path("bulk/", views.bulk_action, name="bulk"),
    path("filters/", views.filter_save, name="filter-save"),
    path("filters/<int:pk>/delete/", views.filter_delete, name="filter-delete"),
    path("dashboard/", reports_views.dashboard, name="dashboard"),
    path("reports/", reports_views.season_report, name="report"),
    path("reports/seasons/<slug:code>/", reports_views.season_report, name="season-report"),
    path("reports/export.<slug:file_format>", reports_views.export, name="report-export"),
    path("replies/", reply_views.reply_list, name="replies"),
    path("replies/new/", reply_views.reply_new, name="reply-new"),
    path("replies/<int:pk>/", reply_views.reply_edit, name="reply"),
    path("replies/<int:pk>/active/", reply_views.reply_active, name="reply-active"),
    path("programs/", include("khidma.backoffice.program_urls")),  # walk-ins, volume, visits, proxies, files
    path("content/", include("khidma.backoffice.content_urls")),  # advice articles and awareness posts
]
