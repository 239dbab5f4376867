"""Settings for the services a deployment runs beside Khidma: the database (directly or through PgBouncer,
with an optional read replica), Redis (background tasks on RQ, the shared cache) and where uploads live.

Only ``khidma.settings`` calls these. Each reads its environment variables (docs/configuration.md) and returns
plain Django settings, so tests can check the wiring without starting anything; docs/deployment.md describes
the layouts they serve.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from khidma.env import env_bool, env_int, env_str

# The alias of the read replica in DATABASES; khidma.core.db.reporting_db() hands it to the code that may read
# slightly old data (dashboards, season reports, open-data exports).
REPLICA = "replica"
# Seconds to wait for Redis to accept a connection. A web request that enqueues a task or reads the cache must
# not hang for the operating system's two-minute connect timeout when Redis is unreachable.
REDIS_CONNECT_TIMEOUT = 2


def _database(url: str, *, data_dir: Path, conn_max_age: int, pgbouncer: bool) -> dict:
    db = dj_database_url.parse(url, conn_max_age=conn_max_age)
    if db["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers run beside the single writer; IMMEDIATE takes the write lock at BEGIN so concurrent
        # writers queue instead of failing with "database is locked" half-way through; our backend queues
        # them on a lock file, so the next starts the moment the last ends (core/backends/sqlite3).
        db["ENGINE"] = "khidma.core.backends.sqlite3"
        db["CONN_MAX_AGE"] = 0
        db["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        }
        # A file (not :memory:) so tests that drive a live server from several threads share one database.
        db["TEST"] = {"NAME": str(data_dir / "test.sqlite3")}
        return db
    db["CONN_HEALTH_CHECKS"] = True
    if pgbouncer:
        # In transaction pooling each transaction may run on another server session, so nothing may outlive a
        # transaction: no server-side cursors (.iterator() declares one and fetches from it later) and no
        # prepared statements (psycopg prepares a query it has run five times, on one session only).
        db["DISABLE_SERVER_SIDE_CURSORS"] = True
        db["OPTIONS"] = {**db.get("OPTIONS", {}), "prepare_threshold": None}
    return db


def databases(*, data_dir: Path) -> dict[str, dict]:
    """DATABASE_URL as ``default``, and DATABASE_REPLICA_URL, when set, as ``replica``.

    KHIDMA_PGBOUNCER=1 says both are reached through PgBouncer in transaction pooling. In tests the replica is
    a second connection to the test database (Django's test mirror): it sees what other connections committed.
    """
    url = env_str("DATABASE_URL", f"sqlite:///{data_dir / 'khidma.sqlite3'}")
    options = {
        "data_dir": data_dir,
        "conn_max_age": env_int("KHIDMA_DB_CONN_MAX_AGE", 60),
        "pgbouncer": env_bool("KHIDMA_PGBOUNCER", False),
    }
    result = {"default": _database(url, **options)}
    replica_url = env_str("DATABASE_REPLICA_URL")
    if replica_url:
        replica = _database(replica_url, **options)
        replica["TEST"] = {"MIRROR": "default"}
        result[REPLICA] = replica
    return result


def _with_query(url: str, **params: object) -> str:
    """``url`` with each of ``params`` added to its query string unless the operator already set it there."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    for name, value in params.items():
        query.setdefault(name, str(value))
    return urlunsplit(parts._replace(query=urlencode(query)))


TASK_BACKENDS = ("database", "rq", "immediate")


def tasks(backend: str, redis_url: str) -> tuple[dict, dict, list[str]]:
    """TASKS, RQ_QUEUES and the apps to install for KHIDMA_TASKS_BACKEND.

    ``rq`` keeps tasks in Redis through django-tasks-rq, the RQ backend for Django's Tasks API maintained with
    django-tasks itself; ``khidma worker`` then runs an RQ worker on the queues.
    """
    if backend not in TASK_BACKENDS:
        raise ImproperlyConfigured(
            f"KHIDMA_TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {backend!r}"
        )
    if backend == "database":
        return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}, {}, []
    if backend == "immediate":
        return {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}, {}, []
    if not redis_url:
        raise ImproperlyConfigured("KHIDMA_TASKS_BACKEND=rq needs REDIS_URL (redis://host:6379/0)")
    queues = {"default": {"URL": _with_query(redis_url, socket_connect_timeout=REDIS_CONNECT_TIMEOUT)}}
    return (
        {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}},
        queues,
        [
            "django_rq",
            "django_tasks_rq",
        ],
    )


def caches(redis_url: str) -> dict[str, dict]:
    """Redis when REDIS_URL is set, so every web node and worker shares one cache; else one per process."""
    if not redis_url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "khidma",
            "OPTIONS": {
                "socket_connect_timeout": REDIS_CONNECT_TIMEOUT,
                "socket_timeout": REDIS_CONNECT_TIMEOUT,
            },
        }
    }


MEDIA_STORAGES = ("filesystem", "s3")


def media_storage(kind: str) -> dict:
    """The ``default`` entry of STORAGES: the local media folder, or a bucket of an S3-compatible service.

    django-storages is imported by Django only when a file is first stored or read, and only with ``s3``; it
    is an optional extra (``pip install 'khidma[s3]'``), checked here so a missing package stops the start-up.
    """
    if kind not in MEDIA_STORAGES:
        raise ImproperlyConfigured(
            f"KHIDMA_MEDIA_STORAGE must be one of {', '.join(MEDIA_STORAGES)}, not {kind!r}"
        )
    if kind == "filesystem":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if importlib.util.find_spec("storages") is None or importlib.util.find_spec("boto3") is None:
        raise ImproperlyConfigured(
            "KHIDMA_MEDIA_STORAGE=s3 needs django-storages and boto3: pip install 'khidma[s3]'"
        )
    bucket = env_str("KHIDMA_S3_BUCKET")
    if not bucket:
        raise ImproperlyConfigured("KHIDMA_MEDIA_STORAGE=s3 needs KHIDMA_S3_BUCKET")
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            # Empty: AWS itself; set for MinIO, Ceph, Garage or another provider's S3 service.
            "endpoint_url": env_str("KHIDMA_S3_ENDPOINT_URL") or None,
            "region_name": env_str("KHIDMA_S3_REGION") or None,
            # Empty keys: boto3's own chain (an instance role, AWS_* variables, ~/.aws).
            "access_key": env_str("KHIDMA_S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("KHIDMA_S3_SECRET_ACCESS_KEY") or None,
            "addressing_style": env_str("KHIDMA_S3_ADDRESSING_STYLE") or None,
            "location": env_str("KHIDMA_S3_PREFIX", ""),
            # Attachments are personal data served only through Khidma's own views, which check who asks: the
            # objects stay private (the bucket's default ACL) and a name never overwrites another file.
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
