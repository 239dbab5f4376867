from django.urls import include, path

from khidma.portal import open_data, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("report", views.report, name="report"),
    path("report/sent", views.report_sent, name="report-sent"),
    path("map/areas.json", views.map_areas, name="map-areas"),
    path("help", views.help_area, name="help"),
    path("help/service-points", views.help_points, name="help-points"),
    path("track/", views.track_form, name="track-form"),
    path("track/<str:reference>", views.track, name="track"),
    path("track/<str:reference>/answer", views.answer, name="answer"),
    path("track/<str:reference>/photos/<int:pk>", views.track_photo, name="track-photo"),
    path("open-data/", open_data.open_data, name="open-data"),
    path("open-data/catalog.json", open_data.open_data_catalogue, name="open-data-catalogue"),
    path("open-data/<str:day>.<slug:file_format>", open_data.open_data_file, name="open-data-file"),
    path("", include("khidma.portal.content_urls")),  # advice (knowledge base) and awareness posts
]
