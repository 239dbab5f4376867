"""The settings each deployment layout needs, read from the environment (docs/deployment.md), checked without
starting anything: PgBouncer, a read replica, Redis for tasks and the cache, media on S3."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from khidma import deployment

POSTGRES = "postgres://khidma:secret@db.internal:6432/khidma"


@pytest.fixture
def env(monkeypatch):
    for name in ("DATABASE_URL", "DATABASE_REPLICA_URL", "KHIDMA_PGBOUNCER", "KHIDMA_DB_CONN_MAX_AGE"):
        monkeypatch.delenv(name, raising=False)
    for name in [n for n in os.environ if n.startswith("KHIDMA_S3_")]:
        monkeypatch.delenv(name)
    return monkeypatch


def test_behind_pgbouncer_nothing_outlives_a_transaction(env, tmp_path):
    env.setenv("DATABASE_URL", POSTGRES)
    env.setenv("KHIDMA_PGBOUNCER", "1")
    db = deployment.databases(data_dir=tmp_path)["default"]
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert db["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert db["OPTIONS"]["prepare_threshold"] is None
    # Connections to PgBouncer itself may be kept: it holds a server connection only during a transaction.
    assert db["CONN_MAX_AGE"] == 60


def test_without_pgbouncer_postgresql_keeps_its_defaults(env, tmp_path):
    env.setenv("DATABASE_URL", POSTGRES)
    db = deployment.databases(data_dir=tmp_path)["default"]
    assert db.get("DISABLE_SERVER_SIDE_CURSORS", False) is False
    assert "prepare_threshold" not in db.get("OPTIONS", {})


def test_a_replica_is_a_second_alias_with_the_same_pooling_and_a_test_mirror(env, tmp_path):
    env.setenv("DATABASE_URL", POSTGRES)
    env.setenv("DATABASE_REPLICA_URL", "postgres://reader:secret@replica.internal:6432/khidma")
    env.setenv("KHIDMA_PGBOUNCER", "1")
    databases = deployment.databases(data_dir=tmp_path)
    assert set(databases) == {"default", "replica"}
    replica = databases["replica"]
    assert (replica["HOST"], replica["USER"]) == ("replica.internal", "reader")
    assert replica["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert replica["TEST"] == {"MIRROR": "default"}


def test_no_replica_unless_configured(env, tmp_path):
    assert set(deployment.databases(data_dir=tmp_path)) == {"default"}


def test_rq_needs_redis_and_keeps_its_url(env):
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        deployment.tasks("rq", "")
    with pytest.raises(ImproperlyConfigured, match="KHIDMA_TASKS_BACKEND"):
        deployment.tasks("celery", "redis://localhost")
    tasks, queues, apps = deployment.tasks("rq", "redis://:pass%21word@redis.internal:6380/2")
    assert tasks["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
    assert apps == ["django_rq", "django_tasks_rq"]
    # The password and database survive; a connect timeout is added so a web request never hangs on Redis.
    assert queues["default"]["URL"] == "redis://:pass%21word@redis.internal:6380/2?socket_connect_timeout=2"
    _, queues, _ = deployment.tasks("rq", "rediss://redis.internal/0?socket_connect_timeout=5")
    assert queues["default"]["URL"] == "rediss://redis.internal/0?socket_connect_timeout=5"


def test_the_cache_is_shared_in_redis_only_when_configured():
    assert deployment.caches("")["default"]["BACKEND"].endswith("LocMemCache")
    cache = deployment.caches("redis://redis.internal:6379/1")["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://redis.internal:6379/1"
    assert cache["OPTIONS"]["socket_timeout"] == deployment.REDIS_CONNECT_TIMEOUT


def test_media_on_s3_reads_its_keys_from_secret_files(env, tmp_path):
    if importlib.util.find_spec("storages") is None:
        pytest.skip("django-storages is an optional extra: pip install 'khidma[s3]'")
    secret = tmp_path / "s3-secret"
    secret.write_text("very-secret\n", encoding="utf-8")
    env.setenv("KHIDMA_S3_BUCKET", "khidma-media")
    env.setenv("KHIDMA_S3_ENDPOINT_URL", "https://s3.example.org")
    env.setenv("KHIDMA_S3_ACCESS_KEY_ID", "khidma")
    env.setenv("KHIDMA_S3_SECRET_ACCESS_KEY_FILE", str(secret))
    storage = deployment.media_storage("s3")
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"]) == ("khidma-media", "https://s3.example.org")
    assert (options["access_key"], options["secret_key"]) == ("khidma", "very-secret")
    assert options["file_overwrite"] is False and options["default_acl"] is None


def test_media_on_s3_says_what_is_missing(env, monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="KHIDMA_MEDIA_STORAGE"):
        deployment.media_storage("ftp")
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None if name == "storages" else real(name))
    with pytest.raises(ImproperlyConfigured, match=r"khidma\[s3\]"):
        deployment.media_storage("s3")
    assert deployment.media_storage("filesystem")["BACKEND"].endswith("FileSystemStorage")


def _khidma(tmp_path: Path, **variables: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KHIDMA_", "DATABASE_", "REDIS_"))}
    env |= {"KHIDMA_DATA_DIR": str(tmp_path), **variables}
    return subprocess.run(
        [sys.executable, "-m", "khidma", "check", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_whole_settings_module_starts_with_redis_and_a_replica(tmp_path):
    # Django's system checks include django-tasks-rq's (django_rq installed, every queue configured); neither
    # needs Redis to be running.
    done = _khidma(
        tmp_path,
        KHIDMA_TASKS_BACKEND="rq",
        REDIS_URL="redis://127.0.0.1:1/0",
        DATABASE_REPLICA_URL=f"sqlite:///{tmp_path / 'khidma.sqlite3'}",
    )
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout


def test_a_misconfiguration_stops_the_start_with_its_reason(tmp_path):
    done = _khidma(tmp_path, KHIDMA_TASKS_BACKEND="rq")
    assert done.returncode != 0
    assert "KHIDMA_TASKS_BACKEND=rq needs REDIS_URL" in done.stderr
