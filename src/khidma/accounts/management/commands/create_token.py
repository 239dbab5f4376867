from django.core.management.base import BaseCommand, CommandError

from khidma.accounts.models import User
from khidma.accounts.services import api_token_create


class Command(BaseCommand):
    help = "Create an API token for a user and print it (it cannot be shown again)."

    def add_arguments(self, parser):
        parser.add_argument("--username", required=True)
        parser.add_argument("--name", default="", help="what the token is for")

    def handle(self, *args, username, name, **options):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"no active user {username!r}")
        _token, secret = api_token_create(user=user, name=name)
        self.stdout.write(secret)
