from django.core.management.base import BaseCommand, CommandError

from khidma.accounts.models import Role
from khidma.accounts.services import user_create
from khidma.core.errors import DomainError
from khidma.organizations.selectors import department_get, organization_get_active, service_point_get


class Command(BaseCommand):
    help = "Create a staff account in an organization with one role."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="organization slug")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--username", required=True)
        parser.add_argument("--password", required=True)
        parser.add_argument("--department", help="department code")
        parser.add_argument("--service-point", help="service point code (the agent's post)")
        parser.add_argument("--language", default="ar")

    def handle(self, *args, org, role, username, password, department, service_point, language, **options):
        organization = organization_get_active(slug=org)
        if organization is None:
            raise CommandError(f"no active organization with slug {org!r}")
        dept = None
        if department:
            dept = department_get(organization=organization, code=department)
            if dept is None:
                raise CommandError(f"no department {department!r} in {org}")
        point = None
        if service_point:
            point = service_point_get(organization=organization, code=service_point)
            if point is None:
                raise CommandError(f"no service point {service_point!r} in {org}")
        try:
            user = user_create(
                organization=organization,
                role=role,
                username=username,
                password=password,
                department=dept,
                service_point=point,
                language=language,
            )
        except DomainError as exc:
            raise CommandError("; ".join(str(e.message) for e in exc.errors)) from exc
        self.stdout.write(f"created {user.username} ({role}) in {organization.slug}")
