"""Background tasks on RQ with Redis (KHIDMA_TASKS_BACKEND=rq): a task enqueued by a webhook waits in Redis
until `khidma worker` takes it, and what the worker does with it is the same as on the database backend.
When Redis is down, reports and messages are still accepted and nothing is lost."""

from __future__ import annotations

import datetime

import httpx
import pytest
from django.core.management import CommandError, call_command
from django_tasks import TaskResultStatus, default_task_backend

from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case
from khidma.cases.services import case_create
from khidma.channels.models import InboundMessage
from khidma.channels.processing import process_inbound_task, process_pending
from khidma.core import clock
from khidma.outbox.models import MessageStatus, OutboundMessage
from khidma.runtime import tasks
from tests import redis_tasks
from tests.conftest import AZIZIYAH
from tests.deployment.conftest import closed_port_url

pytestmark = pytest.mark.django_db(transaction=True)
GATEWAY_SECRET = "gateway-secret"
TEXT = "عمود إنارة طافي في شارع العزيزية"


@pytest.fixture
def sms(live_server, settings, makkah, _triage_models):
    settings.KHIDMA_SMS_INBOUND_SECRET = GATEWAY_SECRET

    def send(message_id: str) -> httpx.Response:
        return httpx.post(
            f"{live_server.url}/channels/sms/inbound",
            data={"from": "0551234567", "text": TEXT, "id": message_id},
            headers={"X-Khidma-Secret": GATEWAY_SECRET},
            timeout=30,
        )

    return send


@pytest.fixture
def redis(use_redis):
    use_redis(redis_tasks.redis_url())
    redis_tasks.empty_queues()
    yield
    redis_tasks.empty_queues()


def test_an_sms_waits_in_redis_until_the_worker_takes_it(redis, sms):
    assert sms("g-1").status_code == 200
    inbound = InboundMessage.objects.get()
    # Stored and queued, not yet processed: the task is in Redis, and nothing ran it.
    (queue,) = tasks.rq_worker().queues
    assert queue.count == 1
    (job_id,) = queue.job_ids
    assert inbound.processed_at is None
    assert not Case.objects.exists()
    assert default_task_backend.get_result(job_id).status == TaskResultStatus.READY

    call_command("worker", "--batch", verbosity=0)

    inbound.refresh_from_db()
    assert inbound.processed_at is not None and inbound.error == ""
    case = Case.objects.get()
    assert (case.channel, case.reporter_phone, case.description) == ("sms", "+966551234567", TEXT)
    reply = OutboundMessage.objects.get(case=case)
    assert (reply.channel, reply.recipient) == ("sms", "+966551234567")
    assert case.reference in reply.text
    assert queue.count == 0
    result = default_task_backend.get_result(job_id)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.worker_ids  # an RQ worker ran it


def test_a_deferred_task_runs_once_its_time_has_come(redis, makkah):
    due, later = (
        InboundMessage.objects.create(
            provider="sms",
            message_id=message_id,
            organization=makkah,
            sender="+966551234567",
            payload={"text": TEXT},
        )
        for message_id in ("due", "later")
    )
    now = clock.now()
    process_inbound_task.using(run_after=now - datetime.timedelta(seconds=1)).enqueue(inbound_id=due.pk)
    process_inbound_task.using(run_after=now + datetime.timedelta(hours=1)).enqueue(inbound_id=later.pk)

    call_command("worker", "--batch", verbosity=0)

    due.refresh_from_db()
    later.refresh_from_db()
    assert due.processed_at is not None
    assert later.processed_at is None
    assert Case.objects.count() == 1


def test_an_sms_is_stored_while_redis_is_down_and_processed_by_the_worker_later(use_redis, sms):
    use_redis(closed_port_url())
    # The gateway gets its 200 (else it would retry, or give up): the message is in the database.
    assert sms("g-2").status_code == 200
    inbound = InboundMessage.objects.get()
    assert inbound.processed_at is None and not Case.objects.exists()
    # The worker's periodic pass over unprocessed messages makes the case once the task is overdue.
    assert process_pending(older_than=datetime.timedelta(0)) == 1
    assert Case.objects.get().reporter_phone == "+966551234567"


def test_a_report_is_accepted_while_redis_is_down(use_redis, api, makkah):
    use_redis(closed_port_url())
    response = api.post(
        "/reports",
        json={
            "description": "Street light broken near the school",
            "lat": AZIZIYAH[0],
            "lon": AZIZIYAH[1],
            "reporter": {"phone": "0551234567"},
        },
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 201, response.text
    case = Case.objects.get(reference=response.json()["reference"])
    # The reporter's message waits in the outbox, which is in the database.
    assert OutboundMessage.objects.filter(case=case, status=MessageStatus.QUEUED).exists()


def test_the_worker_delivers_messages_while_redis_is_down(use_redis, makkah):
    use_redis(closed_port_url())
    case = case_create(
        request=IntakeRequest(
            organization=makkah,
            description=TEXT,
            channel="sms",
            category="cleanliness",
            reporter=Reporter(phone="0551234567"),
        )
    ).case
    message = OutboundMessage.objects.get(case=case)
    assert message.status == MessageStatus.QUEUED

    # The periodic jobs run first and do not need Redis; the tasks cannot be taken, and the worker says so.
    with pytest.raises(CommandError, match="Redis unreachable"):
        call_command("worker", "--batch", verbosity=0)

    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
