from django.urls import path

from khidma.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("track/", views.track_form, name="track-form"),
    path("track/<str:reference>", views.track, name="track"),
    path("track/<str:reference>/answer", views.answer, name="answer"),
]
