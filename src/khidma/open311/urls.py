"""GeoReport v2 under /open311/v2/: every endpoint in .xml and .json."""

from django.urls import path, re_path, register_converter

from khidma.open311 import views


class FormatConverter:
    regex = "xml|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormatConverter, "open311_format")

app_name = "open311"
urlpatterns = [
    path("discovery.<open311_format:fmt>", views.discovery, name="discovery"),
    path("services.<open311_format:fmt>", views.service_list, name="services"),
    path("services/<slug:service_code>.<open311_format:fmt>", views.service_definition, name="service"),
    path("requests.<open311_format:fmt>", views.requests, name="requests"),
    re_path(r"^requests/(?P<request_id>[^/]+)\.(?P<fmt>xml|json)$", views.request_detail, name="request"),
    re_path(r"^tokens/(?P<token>[^/]+)\.(?P<fmt>xml|json)$", views.token, name="token"),
    path("servicerequestupdates.<open311_format:fmt>", views.updates, name="updates"),
    # Anything else answers the standard's 404, in JSON when the path asks for it and XML otherwise.
    re_path(r"^.*?(?:\.(?P<fmt>xml|json))?$", views.not_found),
]
