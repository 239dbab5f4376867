"""API v1: the NinjaAPI instance, its routers and error handling. OpenAPI at /api/v1/openapi.json."""

from __future__ import annotations

from ninja import NinjaAPI

from khidma.api.errors import install_error_handlers
from khidma.api.parser import CleanTextParser
from khidma.api.programs import router as programs_router
from khidma.api.public import router as public_router
from khidma.api.staff import router as staff_router
from khidma.api.stats import router as stats_router


class KhidmaAPI(NinjaAPI):
    """Every operation reads its query string through ``CleanTextParser``, which refuses a NUL byte or a lone
    surrogate anywhere in it (even in a parameter the operation does not take) with 400
    ``invalid_characters``: the description says so for every operation, not only those with a body."""

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        refused = {
            "description": "Bad Request: a text holds characters that cannot be kept (`invalid_characters`)",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorsOut"}}},
        }
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                if isinstance(operation, dict) and "responses" in operation:
                    operation["responses"].setdefault(400, refused)
        return schema


api = KhidmaAPI(
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
