from django.core.management.base import BaseCommand, CommandError

from khidma.core.errors import DomainError
from khidma.open311 import services
from khidma.open311.models import ApiKey
from khidma.organizations.models import Organization


class Command(BaseCommand):
    help = "Create an Open311 API key for a client application and print it (it cannot be shown again)."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="organization slug (the jurisdiction_id)")
        parser.add_argument("--name", help="the client application the key is for")
        parser.add_argument("--rate-limit", type=int, help="requests per minute for this key (0: no limit)")
        parser.add_argument("--revoke", metavar="PREFIX", help="revoke the key starting with PREFIX instead")

    def handle(self, *args, org, name, rate_limit, revoke, **options):
        organization = Organization.objects.filter(slug=org, is_active=True).first()
        if organization is None:
            raise CommandError(f"no active organization {org!r}")
        if revoke:
            keys = list(ApiKey.objects.filter(organization=organization, prefix__startswith=revoke[:12]))
            if len(keys) != 1:
                raise CommandError(f"{len(keys)} keys of {org} start with {revoke!r}; give one key's prefix")
            services.api_key_revoke(key=keys[0])
            self.stdout.write(f"revoked {keys[0]}")
            return
        if not name:
            raise CommandError("--name is required")
        if rate_limit is not None and rate_limit < 0:
            raise CommandError("--rate-limit must be 0 or more")
        try:
            _key, secret = services.api_key_create(
                organization=organization, name=name, rate_limit=rate_limit
            )
        except DomainError as exc:
            raise CommandError("; ".join(str(e.message) for e in exc.errors)) from exc
        self.stdout.write(secret)
