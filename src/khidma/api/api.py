"""API v1: the NinjaAPI instance, its routers and error handling. OpenAPI at /api/v1/openapi.json."""

from __future__ import annotations

from ninja import NinjaAPI

from khidma.api.errors import install_error_handlers
from khidma.api.parser import CleanTextParser
from khidma.api.programs import router as programs_router
from khidma.api.public import router as public_router
from khidma.api.staff import router as staff_router
from khidma.api.stats import router as stats_router

api = NinjaAPI(
    title="Khidma API",
    version="1",
    description=(
        "Report problems to a municipality or association and follow them (public endpoints), and work cases "
        "(staff endpoints, Bearer API tokens from `khidma create-token`). Errors are always "
        '`{"errors": [{"field", "code", "message"}]}` with messages in the language of `Accept-Language`.'
    ),
    urls_namespace="api-v1",
    parser=CleanTextParser(),
)
install_error_handlers(api)
api.add_router("/", public_router)
api.add_router("/", staff_router)
api.add_router("/", stats_router)
api.add_router("/programs", programs_router)
