"""Public forms take text only, and no request outside the admin is larger than
DATA_UPLOAD_MAX_MEMORY_SIZE, files included.

Django's own limit counts only the text parts of a form, so a file part of any size
got through to a public view (which never asks for one). Outside the admin, a body
whose declared length is over the limit is refused before it is read, whatever its
content type, and a file part is refused as soon as the parser meets it. The admin
keeps its uploads (documents up to WAGTAILDOCS_MAX_UPLOAD_SIZE, images).
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.files.uploadhandler import FileUploadHandler

from website.views import bad_request


class FileNotAccepted(SuspiciousOperation):
    """A file sent to a public form: Django answers with handler400's page (website.views.bad_request)."""


class RefuseFiles(FileUploadHandler):
    """The upload handler of every public request: the first file part ends the parsing."""

    def new_file(self, *args, **kwargs):
        raise FileNotAccepted("A public form was sent a file")

    def receive_data_chunk(self, raw_data, start):  # never reached: new_file has refused
        return None

    def file_complete(self, file_size):
        return None


class PublicUploadLimitMiddleware:
    """Sits before anything reads the body (CSRF does, for a form): the handler must be in place first."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.WAGTAILADMIN_PATH

    def __call__(self, request):
        if not request.path.startswith(self.admin_prefix):
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            if limit is not None and declared_length(request) > limit:
                return bad_request(request, RequestDataTooBig())
            request.upload_handlers = [RefuseFiles(request)]
        return self.get_response(request)


def declared_length(request):
    # As Django reads it: a missing or malformed Content-Length means no body at all.
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
