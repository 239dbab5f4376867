from django.conf import settings
from django.contrib import admin
from django.urls import include, path

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


handler404 = "khidma.error_pages.not_found"
handler403 = "khidma.error_pages.forbidden"
handler500 = "khidma.error_pages.server_error"


if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
