"""The service programs' screens, under /staff/programs/ (namespace ``backoffice:programs``)."""

from django.urls import path

from khidma.backoffice import program_views as views

app_name = "programs"
urlpatterns = [
    path("", views.index, name="index"),
    path("walk-ins/", views.walkin, name="walkin"),
    path("volume/", views.volume, name="volume"),
    path("stops/", views.stops, name="stops"),
    path("visits/", views.visits, name="visits"),
    path("visits/<int:pk>/", views.visit, name="visit"),
    path("teams/<int:pk>/", views.team_calendar, name="team"),
    path("authorizations/", views.authorizations, name="authorizations"),
    path("applications/", views.applications, name="applications"),
    path("applications/<int:pk>/", views.application, name="application"),
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
]
