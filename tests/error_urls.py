"""The real URLs plus views that fail, for the error-page tests (handler500 needs a view that raises)."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from khidma.urls import handler403, handler404, handler500
from khidma.urls import urlpatterns as real_urlpatterns


def boom(request):
    raise RuntimeError("boom")


def refuse(request):
    raise PermissionDenied


urlpatterns = [
    path("boom", boom),
    path("staff/boom", boom),
    path("api/v1/boom", boom),
    path("refuse", refuse),
    path("staff/refuse", refuse),
    *real_urlpatterns,
]
__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]
