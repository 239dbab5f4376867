"""Khidma keeps no state in a database session, so it runs behind PgBouncer in transaction pooling.

CI runs this file (with tests/api and tests/channels) through PgBouncer set to give every transaction a fresh
server session (.ci/pgbouncer-start): anything left in a session by one transaction is gone at the next.
"""

from __future__ import annotations

import pytest

from khidma.organizations.models import Category

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_long_read_is_fetched_in_chunks_outside_a_transaction(makkah):
    # On PostgreSQL .iterator() declares a cursor that outlives its transaction (WITH HOLD) and fetches from
    # it later; behind PgBouncer that later fetch reaches another session, unless KHIDMA_PGBOUNCER=1 turned
    # server-side cursors off.
    Category.objects.bulk_create(
        Category(organization=makkah, code=f"extra_{n:03}", names={"en": f"Extra {n}"}) for n in range(120)
    )
    codes = [category.code for category in Category.objects.order_by("code").iterator(chunk_size=10)]
    assert len(codes) == Category.objects.count() == 124
    assert codes == sorted(codes)
