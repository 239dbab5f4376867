"""Reports read from the replica (DATABASE_REPLICA_URL) through reporting_db(); writes stay on the primary.

In tests the replica alias is a second connection to the test database (tests/conftest.py), so these tests are
transactional: like a real replica, it sees what the primary committed and nothing else.
"""

from __future__ import annotations

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from khidma.core.db import reporting_db
from khidma.organizations.models import Category

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


def test_reports_read_the_primary_when_no_replica_is_configured():
    assert reporting_db() == "default"


def test_reports_read_the_replica_when_one_is_configured(settings, makkah):
    settings.KHIDMA_REPORTING_DATABASE = "replica"
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        found = Category.objects.using(reporting_db()).get(organization=makkah, code="cleanliness")
    assert found.names["en"] == "Cleanliness"
    assert len(replica) == 1 and len(primary) == 0


def test_an_object_read_from_the_replica_is_saved_on_the_primary(settings, makkah):
    settings.KHIDMA_REPORTING_DATABASE = "replica"
    found = Category.objects.using(reporting_db()).get(organization=makkah, code="cleanliness")
    found.is_active = False
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        found.save(update_fields=["is_active"])
    # A replica refuses writes; without the router this UPDATE would have gone to it.
    assert [q["sql"].split()[0] for q in primary] == ["UPDATE"]
    assert len(replica) == 0
    assert Category.objects.get(pk=found.pk).is_active is False
