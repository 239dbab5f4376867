"""Existing people get their folded name (for search); organizations that already held meetings get one
committee, with the lowest quorum (one member's vote), that their meetings belong to."""

from django.db import migrations


def backfill(apps, schema_editor):
    from khidma.core.text import fold_for_search  # a pure function of the text: safe in a migration

    Person = apps.get_model("programs", "Person")
    for person in Person.objects.filter(name_folded="").only("pk", "name").iterator():
        Person.objects.filter(pk=person.pk).update(name_folded=fold_for_search(person.name)[:200])
    Meeting = apps.get_model("programs", "Meeting")
    Committee = apps.get_model("programs", "Committee")
    for organization_id in (
        Meeting.objects.filter(committee__isnull=True).values_list("organization_id", flat=True).distinct()
    ):
        committee, _created = Committee.objects.get_or_create(
            organization_id=organization_id, name="Committee", defaults={"quorum": 1}
        )
        Meeting.objects.filter(organization_id=organization_id, committee__isnull=True).update(
            committee=committee
        )


class Migration(migrations.Migration):
    dependencies = [("programs", "0003_application_files_checklist_committees")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
