"""The service programs' screens, under /staff/programs/ (namespace ``backoffice:programs``)."""

from django.urls import path

from khidma.backoffice.programs import applications, committees, proxies, units, visits

app_name = "programs"
urlpatterns = [
    path("", units.index, name="index"),
    path("walk-ins/", units.walkin, name="walkin"),
    path("volume/", units.volume, name="volume"),
    path("stops/", units.stops, name="stops"),
    path("visits/", visits.visits, name="visits"),
    path("visits/<int:pk>/", visits.visit, name="visit"),
    path("teams/<int:pk>/", visits.team_calendar, name="team"),
    path("authorizations/", proxies.authorizations, name="authorizations"),
    path("applications/", applications.applications, name="applications"),
    path("applications/new/", applications.application_new, name="application-new"),
    path("applications/<int:pk>/", applications.application, name="application"),
    path("applications/<int:pk>/files/<int:file_pk>", applications.application_file, name="application-file"),
    path("meetings/", committees.meetings, name="meetings"),
    path("meetings/<int:pk>/", committees.meeting, name="meeting"),
]
