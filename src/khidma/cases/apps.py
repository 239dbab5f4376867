from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_search_index(sender, using: str, **kwargs) -> None:
    from django.db import connections

    from khidma.cases.search import ensure_sqlite_index

    ensure_sqlite_index(connections[using])


class CasesConfig(AppConfig):
    name = "khidma.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        # The SQLite text index is infrastructure kept beside the table, not domain logic (cases/search.py).
        post_migrate.connect(_ensure_search_index, sender=self, dispatch_uid="cases-search-index")
