"""Every document gets the hash Wagtail gives an uploaded one, so downloads have a real ETag.

Documents the site made before now were saved without it. A file missing from storage is
left as it is (its download fails anyway, and an upload of it sets the hash).
"""

from django.db import migrations
from wagtail.utils.file import hash_filelike


def fill_file_hashes(apps, schema_editor):
    Document = apps.get_model("wagtaildocs", "Document")
    for document in Document.objects.filter(file_hash="").iterator():
        try:
            with document.file.open("rb") as file:
                document.file_hash = hash_filelike(file)
                document.file_size = document.file.size
        except OSError:
            continue
        document.save(update_fields=["file_hash", "file_size"])


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0003_membership_state_block"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(fill_file_hashes, migrations.RunPython.noop)]
