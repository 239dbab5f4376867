"""The portal's advice pages (the knowledge base) and awareness posts, included by portal/urls.py."""

from django.urls import path

from khidma.portal import advice_views as views

urlpatterns = [
    path("help/advice", views.advice_index, name="advice"),
    path("help/advice/search", views.advice_search, name="advice-search"),
    path("help/advice/<slug:slug>", views.advice_article, name="advice-article"),
    path("awareness", views.awareness_list, name="awareness"),
    path("awareness/feed/<str:language>.atom", views.awareness_feed, name="awareness-feed"),
    path("awareness/<slug:slug>", views.awareness_post, name="awareness-post"),
    path("awareness/<slug:slug>/image", views.awareness_image, name="awareness-image"),
]
