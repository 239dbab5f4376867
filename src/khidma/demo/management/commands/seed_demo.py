"""``khidma seed-demo``: the demo organizations, staff and a few hundred cases, all through the services."""

from __future__ import annotations

import datetime
import json
import random

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from khidma.accounts.services import user_create
from khidma.cases import services
from khidma.cases.attachments import attachment_add
from khidma.cases.deadlines import case_sla_sweep
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.lifecycle import OPEN_STATUSES
from khidma.cases.models import Case, Channel, Priority
from khidma.core import clock, geo
from khidma.demo import content, data, photos, programs, replies, seasons, units
from khidma.organizations.models import Category, Department, Organization, ServicePoint
from khidma.organizations.services import area_upsert, places_import_geojson
from khidma.reports.facts import facts_rebuild
from khidma.sla.models import Calendar, Holiday, SlaPolicy
from khidma.triage.models import TriageSettings

User = get_user_model()


def _phone(rng: random.Random) -> str:
    """A Saudi mobile number in the national form people type (05x xxx xxxx)."""
    return f"05{rng.choice('03456')}{rng.randint(1000000, 9999999)}"


class Command(BaseCommand):
    help = "Load demo organizations, staff and sample cases (only into a database without cases)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing (but list logins) if cases exist"
        )
        parser.add_argument("--cases", type=int, default=300, help="sample cases for the municipality")
        parser.add_argument("--seed", type=int, default=1447)

    def handle(self, *args, if_empty: bool, cases: int, seed: int, **options):
        if Case.objects.exists() or Organization.objects.filter(slug=data.MAKKAH["slug"]).exists():
            if not if_empty:
                self.stderr.write("The database already has data; seed-demo only fills an empty one.")
                raise SystemExit(1)
            self.stdout.write("Demo data is already loaded.")
        else:
            rng = random.Random(seed)
            # All or nothing: a failed seed leaves an empty database that the next run fills.
            with transaction.atomic():
                makkah = self._municipality()
                # The gazetteer, through the same service as `khidma import-places`.
                places_import_geojson(
                    organization=makkah, data=json.loads(data.PLACES_FILE.read_text(encoding="utf-8"))
                )
                for spec in data.ASSOCIATIONS:
                    self._association(spec, rng)
                # The replies before the history, so that it answers reporters with them.
                replies.seed_replies(list(Organization.objects.all()))
                self._makkah_cases(makkah, cases, rng)
                content.seed_content(makkah)  # advice articles and awareness posts
                with clock.at(timezone.now()):
                    programs.seed(makkah)  # home visits, a proxy, association files in every state
                    units.seed(makkah, rng)  # mobile cars' stops, counters, two weeks of walk-ins
                # Two Hajj seasons of synthetic history, bulk-inserted (docs/demo-data.md).
                history = seasons.seed(makkah, random.Random(seed + 1))
                # Warnings and escalations that fell due while the demo history was replayed.
                case_sla_sweep()
                # The dashboard's figures (the worker keeps them up to date from now on).
                facts_rebuild()
            total = Case.objects.count()
            self.stdout.write(
                f"Loaded the demo: {total} cases in {Organization.objects.count()} organizations "
                f"({history} of them synthetic history of two Hajj seasons)."
            )
        self._print_logins()

    # --- organizations ---------------------------------------------------------------------------------

    def _municipality(self) -> Organization:
        west, south, east, north = data.MAKKAH_BOUNDS
        boundary = {
            "type": "Polygon",
            "coordinates": [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
        }
        names = data.names("organizations", data.MAKKAH["slug"], **data.MAKKAH["names"])
        spec = {**data.MAKKAH, "names": names}
        org = Organization.objects.create(**spec, boundary=boundary, type=Organization.Type.MUNICIPALITY)
        departments = self._departments(org, data.MAKKAH_DEPARTMENTS)
        bounds = geo.BBox(west, south, east, north)
        cells = geo.voronoi_cells([(lon, lat) for _c, _a, _e, lat, lon in data.MAKKAH_AREAS], bounds)
        areas = {}
        for (code, ar, en, lat, lon), ring in zip(data.MAKKAH_AREAS, cells, strict=True):
            areas[code] = area_upsert(
                organization=org,
                code=code,
                names=data.names("areas", code, ar=ar, en=en),
                boundary={"type": "Polygon", "coordinates": [ring]},
                centre=(lat, lon),
            )
        for code, kind, area, ar, en, lat, lon, hours in data.MAKKAH_SERVICE_POINTS:
            ServicePoint.objects.create(
                organization=org,
                code=code,
                kind=kind,
                area=areas.get(area),
                names=data.names("service_points", code, ar=ar, en=en),
                lat=lat,
                lon=lon,
                opening_hours=hours,
            )
        # One per area: the customer-service centre of each sub-municipality.
        for code, ar, en, lat, lon in data.MAKKAH_AREAS:
            ServicePoint.objects.create(
                organization=org,
                code=f"centre_{code}",
                kind=ServicePoint.Kind.SUB_MUNICIPALITY,
                area=areas[code],
                names=data.names(
                    "service_points",
                    f"centre_{code}",
                    ar=f"مركز خدمة العملاء ببلدية {ar}",
                    en=f"{en} sub-municipality customer service",
                ),
                lat=lat,
                lon=lon,
                opening_hours=data.MORNING,
            )
        for order, (code, dept, ar, en) in enumerate(data.MAKKAH_CATEGORIES):
            Category.objects.create(
                organization=org,
                code=code,
                names=data.names("categories", code, ar=ar, en=en),
                default_department=departments[dept],
                sort_order=order,
            )
        self._staff(org, data.MAKKAH_STAFF, departments)
        self._service_levels(org, data.MAKKAH_POLICIES)
        # The municipality lets triage apply a category only when it is quite sure; the rest waits for the
        # 940 receiving unit in the triage queue.
        TriageSettings.objects.create(organization=org, auto_apply_threshold=data.MAKKAH_AUTO_APPLY_THRESHOLD)
        if not User.objects.filter(username="platform").exists():
            User.objects.create_superuser("platform", "", data.DEMO_PASSWORD)
        return org

    def _service_levels(self, org: Organization, policies) -> None:
        calendars = {
            "business": Calendar.objects.create(
                organization=org,
                code="business",
                time_zone="Asia/Riyadh",
                windows=data.BUSINESS_WINDOWS,
                names={"ar": "أيام العمل الرسمية", "en": "Official working days"},
            ),
            "always": Calendar.objects.create(
                organization=org,
                code="always",
                time_zone="Asia/Riyadh",
                always_open=True,
                names={"ar": "على مدار الساعة", "en": "24/7"},
            ),
        }
        for name, kind, month, day, days in data.OFFICIAL_HOLIDAYS:
            Holiday.objects.create(
                calendar=calendars["business"], name=name, kind=kind, month=month, day=day, days=days
            )
        for code, en, ar, kind, priority, calendar, first, resolution in policies:
            SlaPolicy.objects.create(
                organization=org,
                code=code,
                names={"ar": ar, "en": en},
                kind=kind,
                priority=priority,
                calendar=calendars[calendar],
                first_response_minutes=first,
                resolution_minutes=resolution,
                second_escalation_minutes=data.SECOND_ESCALATION_MINUTES,
            )

    def _departments(self, org: Organization, rows) -> dict[str, Department]:
        departments: dict[str, Department] = {}
        for code, level, parent, ar, en in rows:
            departments[code] = Department.objects.create(
                organization=org,
                code=code,
                level=level,
                parent=departments.get(parent),
                names=data.names("departments", org.slug, code, ar=ar, en=en),
            )
        return departments

    def _staff(self, org: Organization, rows, departments: dict[str, Department]) -> None:
        for username, role, dept, point, first, last in rows:
            user_create(
                organization=org,
                role=role,
                username=username,
                password=data.DEMO_PASSWORD,
                department=departments.get(dept),
                service_point=ServicePoint.objects.get(organization=org, code=point) if point else None,
                first_name=first,
                last_name=last,
            )

    def _association(self, spec: dict, rng: random.Random) -> None:
        org = Organization.objects.create(
            slug=spec["slug"],
            names=data.names("organizations", spec["slug"], **spec["names"]),
            type=Organization.Type.ASSOCIATION,
            time_zone="Asia/Riyadh",
            default_language="ar",
        )
        departments = self._departments(org, spec["departments"])
        ar, en, lat, lon = spec["office"]
        ServicePoint.objects.create(
            organization=org,
            code="office",
            kind=ServicePoint.Kind.HEADQUARTERS,
            names=data.names("service_points", f"{spec['slug']}_office", ar=ar, en=en),
            lat=lat,
            lon=lon,
            opening_hours=data.MORNING,
        )
        for order, (code, kind, dept, ar, en) in enumerate(data.ASSOCIATION_CATEGORIES):
            Category.objects.create(
                organization=org,
                code=code,
                kind=kind,
                names=data.names("categories", code, ar=ar, en=en),
                default_department=departments.get(dept) or departments[next(iter(departments))],
                sort_order=order,
            )
        self._staff(org, spec["staff"], departments)
        self._service_levels(org, data.ASSOCIATION_POLICIES)
        now = timezone.now()
        for index in range(12):
            code = rng.choice(list(data.ASSOCIATION_SAMPLES))
            received = now - datetime.timedelta(days=rng.randint(0, 40), hours=rng.randint(0, 10))
            with clock.at(received):
                services.case_create(
                    request=IntakeRequest(
                        organization=org,
                        description=rng.choice(data.ASSOCIATION_SAMPLES[code]),
                        channel=rng.choice([Channel.WEB, Channel.PHONE_940, Channel.LETTER])
                        if index % 3
                        else Channel.WEB,
                        category=code,
                        language="ar",
                        reporter=Reporter(name=f"مستفيد {index + 1}", phone=_phone(rng)),
                    )
                )

    # --- cases -------------------------------------------------------------------------------------------

    def _makkah_cases(self, org: Organization, count: int, rng: random.Random) -> None:
        staff = {u.username: u for u in User.objects.filter(organization=org)}
        agent, field, head, followup = (
            staff["agent940"],
            staff["field_clean"],
            staff["head_clean"],
            staff["followup"],
        )
        areas = list(org.area_set.all())
        now = timezone.now()
        channels = (
            [Channel.PHONE_940] * 5
            + [Channel.WHATSAPP] * 4
            + [Channel.WEB] * 2
            + [Channel.MOBILE_APP, Channel.SMS]
        )
        created: list[Case] = []
        for index in range(count):
            category = rng.choice(list(data.SAMPLES))
            language, text = rng.choice(data.SAMPLES[category])
            if rng.random() < 0.08:
                language, text = rng.choice(data.VAGUE_SAMPLES)
            area = rng.choice(areas)
            received = now - datetime.timedelta(minutes=rng.randint(10, 60 * 24 * 45))
            channel = rng.choice(channels)
            # A tenth arrive without a category, as from WhatsApp or the web: triage classifies them.
            unclassified = rng.random() < 0.1 or text in {t for _l, t in data.VAGUE_SAMPLES}
            with clock.at(received):
                case = services.case_create(
                    request=IntakeRequest(
                        organization=org,
                        description=text,
                        channel=channel,
                        category=None if unclassified else category,
                        language=language,
                        priority=Priority.URGENT if rng.random() < 0.05 else None,
                        lat=area.centre_lat + rng.uniform(-0.015, 0.015),
                        lon=area.centre_lon + rng.uniform(-0.015, 0.015),
                        created_by=agent if channel == Channel.PHONE_940 else None,
                        idempotency_key=f"demo-{index}",
                        reporter=Reporter(
                            name="" if rng.random() < 0.3 else f"مراجع {index + 1}",
                            phone=_phone(rng) if rng.random() < 0.8 else "",
                        ),
                    )
                ).case
            if index % 6 == 0:  # some reporters send a photo
                with clock.at(received):
                    attachment_add(case=case, by=None, upload=photos.upload(problem=True, seed=case.pk))
            created.append(case)
            self._advance(case, received, now, rng, agent=agent, field=field, head=head, followup=followup)
        # A few duplicates of recent open reports.
        # (Read again: the objects in `created` went stale as _advance moved their cases on.)
        for case in created[:8]:
            case.refresh_from_db()
            created[-1].refresh_from_db()
            if case.status in {"triaged", "assigned"} and created[-1].pk != case.pk:
                original = created[-1] if created[-1].category_id == case.category_id else None
                if original is not None and original.status in OPEN_STATUSES - {"duplicate"}:
                    with clock.at(min(now, case.received_at + datetime.timedelta(hours=2))):
                        services.case_mark_duplicate(case=case, by=agent, original=original)

    def _advance(
        self, case: Case, received, now, rng: random.Random, *, agent, field, head, followup
    ) -> None:
        """Walk a case part of the way through its life, each step a few hours after the last."""
        moment = received

        def later(hours: float) -> datetime.datetime:
            nonlocal moment
            moment = min(now, moment + datetime.timedelta(hours=hours))
            return moment

        if case.category_id is None or case.status not in {"new", "triaged"}:
            return  # waiting for triage, or linked as a duplicate at intake
        code = case.category.code
        if code == "partner_entities" and rng.random() < 0.7:
            with clock.at(later(1)):
                partner = (
                    "شركة المياه الوطنية"
                    if "مياه" in case.description or "water" in case.description.lower()
                    else "الشركة السعودية للكهرباء"
                )
                services.case_refer(
                    case=case,
                    by=agent,
                    partner=partner,
                    **replies.words_for(case, "refer", "خارج اختصاص الأمانة", rng),
                )
            return
        age_days = (now - received).days
        stage = rng.random()
        if age_days < 1 and stage < 0.6:
            return
        with clock.at(later(rng.uniform(0.2, 3))):
            case = services.case_assign(
                case=case,
                by=head,
                department=case.department,
                assignee=field if code == "cleanliness" else None,
            )
        if stage < 0.2:
            return
        with clock.at(later(rng.uniform(1, 20))):
            case = services.case_start(case=case, by=field)
        if stage < 0.3:
            with clock.at(later(2)):
                question = "نحتاج تحديد الموقع بدقة، هل يمكن إرسال صورة؟"
                services.case_hold(
                    case=case, by=field, **replies.words_for(case, "hold", question, rng, field="reason")
                )
            return
        if stage < 0.4:
            return
        with clock.at(later(rng.uniform(2, 60))):
            if case.attachments.exists():  # the after-photo of the same street
                after = photos.upload(problem=False, seed=case.pk)
                attachment_add(case=case, by=field, upload=after, public=True)
            case = services.case_resolve(
                case=case, by=field, **replies.words_for(case, "resolve", "تمت المعالجة في الموقع", rng)
            )
        if stage < 0.55:
            return
        with clock.at(later(rng.uniform(2, 48))):
            if stage < 0.6:
                services.case_reopen(case=case, by=followup, reason="أفاد المبلغ أن المشكلة ما زالت قائمة")
            else:
                services.case_close(case=case, by=followup, note="أكد المبلغ المعالجة")

    def _print_logins(self) -> None:
        rows = [("platform", "superuser (all organizations)")]
        rows += [(u, r) for u, r, *_rest in data.MAKKAH_STAFF]
        for spec in data.ASSOCIATIONS:
            rows += [(u, r) for u, r, *_rest in spec["staff"]]
        self.stdout.write(f"\nDemo logins (password for all: {data.DEMO_PASSWORD}):")
        for username, role in rows:
            self.stdout.write(f"  {username:<18} {role}")
