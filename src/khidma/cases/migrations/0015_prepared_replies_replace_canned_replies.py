"""Prepared replies in every public language replace the one-language canned replies.

Each canned reply becomes one prepared reply holding its one language: a canned reply's title is written in
its own language, so nothing tells reliably which rows are translations of each other, and a wrong guess
would send a reporter words other than the ones staff chose. The back office lists each with its nine
missing languages, for staff to fill in. They fit the three actions canned replies were offered for.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import khidma.core.clock

CANNED_ACTIONS = ["resolve", "hold", "note"]


def carry_canned_replies(apps, schema_editor):
    CannedReply = apps.get_model("cases", "CannedReply")
    PreparedReply = apps.get_model("cases", "PreparedReply")
    for canned in CannedReply.objects.order_by("pk").iterator():
        language = (canned.language or "ar").split("-")[0].lower()
        PreparedReply.objects.create(
            organization_id=canned.organization_id,
            key=f"canned-{canned.pk}",
            title={language: canned.title},
            text={language: canned.text},
            actions=CANNED_ACTIONS,
        )


def back_to_canned_replies(apps, schema_editor):
    CannedReply = apps.get_model("cases", "CannedReply")
    PreparedReply = apps.get_model("cases", "PreparedReply")
    for reply in PreparedReply.objects.order_by("pk").iterator():
        for language, text in reply.text.items():
            title = reply.title.get(language) or reply.key
            CannedReply.objects.create(
                organization_id=reply.organization_id, title=title[:100], language=language, text=text
            )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0014_event_kinds_for_erasure_and_code_locks"),
        ("organizations", "0001_organizations_departments_areas_categories"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PreparedReply",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.SlugField(max_length=80, verbose_name="key")),
                ("title", models.JSONField(default=dict, verbose_name="title")),
                ("text", models.JSONField(default=dict, verbose_name="text")),
                ("actions", models.JSONField(default=list, verbose_name="actions")),
                ("is_active", models.BooleanField(default=True, verbose_name="active")),
                (
                    "created_at",
                    models.DateTimeField(default=khidma.core.clock.now, verbose_name="created at"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(default=khidma.core.clock.now, verbose_name="updated at"),
                ),
                (
                    "categories",
                    models.ManyToManyField(
                        blank=True, related_name="+", to="organizations.category", verbose_name="categories"
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        to="organizations.organization",
                        verbose_name="organization",
                    ),
                ),
                (
                    "updated_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "prepared reply",
                "verbose_name_plural": "prepared replies",
                "ordering": ["key"],
                "constraints": [
                    models.UniqueConstraint(fields=("organization", "key"), name="prepared_reply_key_per_org")
                ],
            },
        ),
        migrations.RunPython(carry_canned_replies, back_to_canned_replies),
        migrations.DeleteModel(name="CannedReply"),
    ]
