from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from khidma.organizations.selectors import organization_get_active
from khidma.organizations.services import areas_import_geojson


class Command(BaseCommand):
    help = "Load an organization's official area boundaries from a GeoJSON FeatureCollection."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--org", required=True, help="organization slug")

    def handle(self, *args, file: Path, org: str, **options):
        organization = organization_get_active(slug=org)
        if organization is None:
            raise CommandError(f"no active organization with slug {org!r}")
        if not file.exists():
            raise CommandError(f"{file} does not exist")
        try:
            areas = areas_import_geojson(organization=organization, path=file)
        except ValueError as exc:
            raise CommandError(f"{file}: {exc}; nothing was imported") from exc
        self.stdout.write(f"imported {len(areas)} areas into {organization.slug}")
