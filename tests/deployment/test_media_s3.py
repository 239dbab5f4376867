"""Attachments on S3-compatible storage (KHIDMA_MEDIA_STORAGE=s3): stored in the bucket, never on the web
node's disk, and served to staff through Khidma's own view. The bucket is moto's in-process fake of S3; no
request leaves the test process.

Needs the optional extra (django-storages, boto3) and moto; without them the test is skipped (see the lead's
lock files: requirements-dev.lock).
"""

from __future__ import annotations

import pytest

from khidma import deployment
from khidma.cases.models import Attachment

pytest.importorskip("storages")
boto3 = pytest.importorskip("boto3")
moto = pytest.importorskip("moto")

pytestmark = pytest.mark.django_db(transaction=True)
BUCKET = "khidma-media"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def bucket(settings, monkeypatch, tmp_path):
    for name, value in {
        "KHIDMA_S3_BUCKET": BUCKET,
        "KHIDMA_S3_REGION": "me-central-1",
        "KHIDMA_S3_ACCESS_KEY_ID": "khidma-test",
        "KHIDMA_S3_SECRET_ACCESS_KEY": "khidma-test-secret",
        "KHIDMA_S3_PREFIX": "media",
    }.items():
        monkeypatch.setenv(name, value)
    with moto.mock_aws():
        s3 = boto3.client(
            "s3",
            region_name="me-central-1",
            aws_access_key_id="khidma-test",
            aws_secret_access_key="khidma-test-secret",
        )
        s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "me-central-1"})
        settings.STORAGES = {**settings.STORAGES, "default": deployment.media_storage("s3")}
        yield s3


def test_an_attachment_is_kept_in_the_bucket_and_served_to_staff(bucket, client_for, settings):
    agent = client_for("agent")
    created = agent.post("/cases", json={"description": "Rubbish by the school", "category": "cleanliness"})
    reference = created.json()["reference"]
    uploaded = agent.post(f"/cases/{reference}/attachments", files={"file": ("photo.png", PNG, "image/png")})
    assert uploaded.status_code == 201, uploaded.text

    attachment = Attachment.objects.get(case__reference=reference)
    stored = bucket.get_object(Bucket=BUCKET, Key=f"media/{attachment.file.name}")
    assert stored["Body"].read() == PNG
    assert not (settings.MEDIA_ROOT.exists() and any(settings.MEDIA_ROOT.rglob("*.png")))
    fetched = agent.get(uploaded.json()["url"].split("/api/v1", 1)[1])
    assert fetched.status_code == 200 and fetched.content == PNG
