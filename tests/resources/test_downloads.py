"""Downloading a document: honest headers, a real ETag, and collection privacy kept."""

import importlib

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.utils.file import hash_filelike

from tests.factories.resources import PDF_BYTES, DocumentFactory

CSV_BYTES = b"country,services\nGB,4\n"


@pytest.fixture
def report(site):
    return DocumentFactory(title="Annual report", file=ContentFile(PDF_BYTES, name="annual-report.pdf"))


def test_a_plain_file_is_sent_with_its_type_size_and_hash_and_no_encoding(client, report):
    response = client.get(report.url)
    assert response.status_code == 200
    assert "Content-Encoding" not in response  # Wagtail's own view sends "Content-Encoding: None"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(PDF_BYTES))
    assert response["ETag"] == f'"{hash_filelike(ContentFile(PDF_BYTES))}"'
    assert response["Content-Disposition"] == 'inline; filename="annual-report.pdf"'  # PDFs open in the browser
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_a_spreadsheet_is_an_attachment_with_no_encoding_either(client, site):
    table = DocumentFactory(file=ContentFile(CSV_BYTES, name="services.csv"), file_hash="", file_size=None)
    response = client.get(table.url)
    assert response["Content-Type"] == "text/csv"
    assert response["Content-Disposition"] == 'attachment; filename="services.csv"'
    assert "Content-Encoding" not in response
    assert "ETag" not in response  # no hash yet: no ETag rather than an empty one


def test_a_browser_that_has_the_file_is_told_it_has_not_changed(client, report):
    etag = client.get(report.url)["ETag"]
    response = client.get(report.url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert not response.content
    assert client.get(report.url, headers={"If-None-Match": '"an-older-version"'}).status_code == 200


def test_the_file_name_in_the_address_must_match(client, report):
    assert client.get(f"/documents/{report.pk}/another-name.pdf").status_code == 404


def test_a_password_protected_collection_asks_for_the_password_first(client, site):
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="board-2026"
    )
    minutes = DocumentFactory(collection=collection, file=ContentFile(PDF_BYTES, name="minutes.pdf"))
    asked = client.get(minutes.url)
    assert asked.status_code == 200 and "ETag" not in asked
    assert f"/documents/authenticate_with_password/{restriction.pk}/" in asked.content.decode()

    client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": "board-2026", "return_url": minutes.url},
    )
    opened = client.get(minutes.url)
    assert opened["ETag"] == f'"{minutes.file_hash}"' and "Content-Encoding" not in opened


def test_the_migration_gives_every_existing_document_its_hash(site):
    made_earlier = Document.objects.create(title="Made by code", file=ContentFile(CSV_BYTES, name="older.csv"))
    lost = Document.objects.create(title="File lost", file=ContentFile(CSV_BYTES, name="lost.csv"))
    lost.file.storage.delete(lost.file.name)
    assert made_earlier.file_hash == ""

    importlib.import_module("resources.migrations.0004_document_file_hashes").fill_file_hashes(apps, None)

    made_earlier.refresh_from_db()
    assert made_earlier.file_hash == hash_filelike(ContentFile(CSV_BYTES))
    assert made_earlier.file_size == len(CSV_BYTES)
    lost.refresh_from_db()
    assert lost.file_hash == ""
