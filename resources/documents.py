"""Documents: the files the site makes itself, and how every document is sent to a visitor.

Wagtail fills a document's `file_hash` (its ETag) and `file_size` when an editor uploads
it; `store_file` does the same for a file the site makes, so every document has a real
ETag.

Wagtail's own download view sends `Content-Encoding: None` for a plain file: it hands the
file to `wagtail.utils.sendfile.sendfile`, which copies `mimetypes.guess_type`'s encoding
into the header even when there is none. `serve` takes its place at the same address
(website/urls.py): the same lookup, the same `before_serve_document` hooks (Wagtail's own
applies collection privacy) and signal, then Django's FileResponse, which never sets
`Content-Encoding`, with the document's hash as its ETag, so a browser that has the file
gets a 304. (Wagtail's hook cannot return the file itself: it accepts only a non-streaming
response, which would hold the whole file in memory.)
"""

from django.conf import settings
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.http import etag
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served
from wagtail.documents.views import serve as wagtail_serve
from wagtail.utils.file import hash_filelike


def store_file(document, name, content):
    """Give `document` (new or existing) this file, with its size and hash, and save it.

    The old file is removed first, so a rebuilt file keeps its name and so its address.
    """
    if document.file:
        document.file.delete(save=False)
    document.file.save(name, ContentFile(content), save=False)
    document.file_size = len(content)
    document.file_hash = hash_filelike(ContentFile(content))
    document.save()
    return document


def serve(request, document_id, document_filename):
    if getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None) != "serve_view":  # e.g. a redirect to remote storage
        return wagtail_serve.serve(request, document_id, document_filename)
    Document = get_document_model()
    document = get_object_or_404(Document, id=document_id)
    if document.filename != document_filename:
        raise Http404("This document does not match the given filename.")
    for hook in hooks.get_hooks("before_serve_document"):
        answer = hook(document, request)
        if isinstance(answer, HttpResponse):  # a private collection's login or password page
            return answer
    document_served.send(sender=Document, instance=document, request=request)
    return etag(document_etag)(send_file)(request, document)


def document_etag(request, document):
    """No ETag rather than an empty one for a file without a hash (one made by code before the
    migration that fills them in, and not uploaded through the admin)."""
    return document.file_hash or None


def send_file(request, document):
    response = FileResponse(document.file.open("rb"), content_type=document.content_type)
    inline = document.content_disposition == "inline"  # Wagtail's rule: PDFs open in the browser
    response["Content-Disposition"] = content_disposition_header(not inline, document.filename)
    response["Content-Length"] = document.file.size
    if getattr(settings, "WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT", True):
        response["Content-Security-Policy"] = "default-src 'none'"  # as Wagtail does: nothing runs inside
    response["X-Content-Type-Options"] = "nosniff"
    return response
