"""Service programs (staff, Bearer API tokens), under ``/api/v1/programs``: home visits, proxy services,
association requests with their committee meetings, people, and mobile units, counters and walk-ins. Each
sub-programme has its router; who may do what is decided in ``programs.access`` and ``cases.access``."""

from __future__ import annotations

from ninja import Router

from khidma.api.auth import StaffToken
from khidma.api.programs import applications, people, proxies, units, visits

router = Router(tags=["programs"], auth=StaffToken())
for module in (visits, proxies, applications, people, units):
    router.add_router("", module.router)
