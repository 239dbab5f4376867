"""Searching case text: the folded ``search_text`` column, through the database's own text index.

PostgreSQL serves ``LIKE '%word%'`` from a pg_trgm GIN index (migration 0006). SQLite, the demo's database,
has no such index, so it gets an FTS5 table with the trigram tokenizer over the same column: any run of
three or more characters is found through the index, in every script, as on PostgreSQL.

The FTS5 table is "external content" (it stores only the index, the text stays in cases_case) and triggers
keep it in step with every insert, update and delete. Django rebuilds a SQLite table to alter it (create,
copy, drop, rename), which drops triggers with the old table, so the index is not made by a migration but
checked after every ``migrate``: a missing piece is recreated and the index rebuilt from the column.
"""

from __future__ import annotations

from django.db import connection as default_connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Q
from django.db.models.expressions import RawSQL

from khidma.core.text import fold_for_search

FTS_TABLE = "cases_case_fts"
# The trigram tokenizer indexes runs of three characters: a shorter word cannot be looked up in it.
MIN_INDEXED = 3

# Plain literals (not formatted strings): nothing in these statements ever comes from outside.
_TRIGGERS = {
    "cases_case_fts_ai": """CREATE TRIGGER cases_case_fts_ai AFTER INSERT ON cases_case BEGIN
        INSERT INTO cases_case_fts(rowid, search_text) VALUES (new.id, new.search_text); END""",
    "cases_case_fts_ad": """CREATE TRIGGER cases_case_fts_ad AFTER DELETE ON cases_case BEGIN
        INSERT INTO cases_case_fts(cases_case_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        END""",
    "cases_case_fts_au": """CREATE TRIGGER cases_case_fts_au AFTER UPDATE OF search_text ON cases_case BEGIN
        INSERT INTO cases_case_fts(cases_case_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        INSERT INTO cases_case_fts(rowid, search_text) VALUES (new.id, new.search_text); END""",
}
_MATCH = "SELECT rowid FROM cases_case_fts WHERE cases_case_fts MATCH %s"


def uses_fts(connection: BaseDatabaseWrapper = default_connection) -> bool:
    return connection.vendor == "sqlite"


def ensure_sqlite_index(connection: BaseDatabaseWrapper) -> bool:
    """Create the FTS5 table and its triggers where any is missing; True when something was (re)made."""
    if not uses_fts(connection):
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'cases_case'")
        if cursor.fetchone() is None:  # cases not migrated yet
            return False
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE name = %s OR (type = 'trigger' AND name LIKE %s)",
            [FTS_TABLE, f"{FTS_TABLE}_%"],
        )
        present = {row[0] for row in cursor.fetchall()}
        if present >= {FTS_TABLE, *_TRIGGERS}:
            return False
        if FTS_TABLE not in present:
            cursor.execute(
                "CREATE VIRTUAL TABLE cases_case_fts USING fts5("
                "search_text, content='cases_case', content_rowid='id', tokenize='trigram')"
            )
        for name, sql in _TRIGGERS.items():
            if name not in present:
                cursor.execute(sql)
        # Whatever changed while a trigger was missing is read again from the column.
        cursor.execute("INSERT INTO cases_case_fts(cases_case_fts) VALUES ('rebuild')")
    return True


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def text_match(text: str) -> Q:
    """Cases whose text holds every word of ``text`` (folded the same way), in any order."""
    words = fold_for_search(text).split()
    if not words:
        return Q()
    match = Q()
    indexed = [word for word in words if len(word) >= MIN_INDEXED] if uses_fts() else []
    if indexed:
        expression = " AND ".join(_phrase(word) for word in indexed)
        # The words travel as a query parameter, quoted as FTS5 phrases: no operator typed by a person runs.
        match &= Q(pk__in=RawSQL(_MATCH, [expression]))  # noqa: S611
    for word in words:
        if word not in indexed:
            match &= Q(search_text__contains=word)
    return match
