"""``khidma reporter-data``: a reporter's data export or erasure on request, for operators."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from khidma.accounts.models import User
from khidma.cases import retention
from khidma.organizations.models import Organization


class Command(BaseCommand):
    help = (
        "Export (as JSON) or erase the personal data kept about one reporter, found by phone or email. "
        "Each case records the export or erasure in its history, with the user named by --by."
    )

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="the organization's slug")
        parser.add_argument("--phone", default="", help="the reporter's phone number (any usual format)")
        parser.add_argument("--email", default="", help="the reporter's email address")
        parser.add_argument("--by", required=True, help="username of the administrator acting on the request")
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", action="store_true", help="print the data as JSON")
        action.add_argument("--erase", action="store_true", help="erase the data (cannot be undone)")

    def handle(self, *args, org, phone, email, by, export, erase, **options):
        organization = Organization.objects.filter(slug=org).first()
        if organization is None:
            raise CommandError(f"no organization {org!r}")
        user = (
            User.objects.filter(username=by, organization=organization).first()
            or User.objects.filter(username=by, is_superuser=True).first()
        )
        if user is None:
            raise CommandError(f"no user {by!r} of {org!r}")
        if not (phone or email):
            raise CommandError("give --phone or --email")
        try:
            cases = list(retention.reporter_cases(organization=organization, phone=phone, email=email))
        except ValueError as exc:
            raise CommandError(f"not a phone number: {phone!r}") from exc
        if export:
            data = retention.reporter_data_export(cases=cases, by=user)
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            erased = retention.reporter_data_erase(cases=cases, by=user)
            self.stdout.write(f"erased the reporter's data from {erased} of {len(cases)} cases")
