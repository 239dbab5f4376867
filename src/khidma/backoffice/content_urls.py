"""The back office's content screens (/staff/content/), included by backoffice/urls.py."""

from django.urls import path

from khidma.backoffice import content_views as views

urlpatterns = [
    path("", views.content_home, name="content"),
    path("articles/new/", views.article_new, name="content-article-new"),
    path("articles/<int:pk>/", views.article_edit, name="content-article"),
    path("articles/<int:pk>/publish/", views.article_publish, name="content-article-publish"),
    path("posts/new/", views.post_new, name="content-post-new"),
    path("posts/<int:pk>/", views.post_edit, name="content-post"),
    path("posts/<int:pk>/publish/", views.post_publish, name="content-post-publish"),
    path("posts/<int:pk>/image", views.post_image, name="content-post-image"),
    path("topics/new/", views.topic_new, name="content-topic-new"),
    path("topics/<int:pk>/", views.topic_edit, name="content-topic"),
]
