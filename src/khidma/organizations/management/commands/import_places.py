import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from khidma.organizations.selectors import organization_get_active
from khidma.organizations.services import places_import_geojson


class Command(BaseCommand):
    help = (
        "Load or update an organization's gazetteer (places and their names in every language) from a "
        "GeoJSON FeatureCollection of Points; places are matched by their 'key'."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--org", default=None, help="organization slug (default: KHIDMA_DEFAULT_ORGANIZATION)"
        )

    def handle(self, *args, file: Path, org: str | None, **options):
        slug = org or settings.KHIDMA_DEFAULT_ORGANIZATION
        organization = organization_get_active(slug=slug)
        if organization is None:
            raise CommandError(f"no active organization with slug {slug!r}")
        if not file.exists():
            raise CommandError(f"{file} does not exist")
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"{file} is not JSON: {exc}; nothing was imported") from exc
        try:
            result = places_import_geojson(organization=organization, data=data)
        except ValueError as exc:
            raise CommandError(f"{file}: {exc}; nothing was imported") from exc
        self.stdout.write(
            f"imported {result.created + result.updated} places into {organization.slug} "
            f"({result.created} new, {result.updated} updated)"
        )
