from django.urls import include, path

from khidma.portal import views

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
    path("", include("khidma.portal.content_urls")),  # advice (knowledge base) and awareness posts
]
