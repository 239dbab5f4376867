from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, JsonResponse
from django.urls import include, path
from django.utils.translation import gettext as _
from django.views import defaults

from khidma.api.api import api
from khidma.backoffice import signin

admin.site.site_header = "Khidma"
admin.site.site_title = "Khidma"

urlpatterns = [
    path("api/v1/", api.urls),
    path("open311/v2/", include("khidma.open311.urls")),
    # The admin signs in through the staff sign-in: the same slowing down, locks and two-step code.
    path("admin/login/", signin.admin_sign_in),
    path("admin/", admin.site.urls),
    path("channels/", include("khidma.channels.urls")),
    path("staff/", include("khidma.backoffice.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("khidma.portal.urls")),
]


def handler404(request: HttpRequest, exception: Exception):
    if request.path.startswith("/api/"):
        return JsonResponse(
            {
                "errors": [
                    {"field": "", "code": "not_found", "message": _("There is nothing at this address.")}
                ]
            },
            status=404,
        )
    return defaults.page_not_found(request, exception)


if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
