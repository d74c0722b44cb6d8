"""Every spreadsheet the site writes (CSV or XLSX) passes each cell through `guard_cell`, so a
value someone typed is read as text, never run as a formula.

The rule is OWASP's (CSV Injection): no cell may begin with = + - @ tab or carriage return,
the characters a spreadsheet reads as the start of a formula; an apostrophe before one makes the
spreadsheet read the rest as text. OWASP adds that guarding the start of the value is not enough:
a spreadsheet that splits lines on another separator (";" where the decimal mark is a comma, a
tab, a line break) starts a new cell after it, inside the value. Quoting the cell does not stop
that (the reader ignores the quotes it does not expect), so the apostrophe goes before every
formula character that begins the value or follows one of those separators, spaces between
included (some readers trim them). A telephone number (+44 20 7946 0000) is guarded like any
other value: every number is then written the same way, and none is read as a sum.

An XLSX cell needs no apostrophe: the writer stores every string as a text cell, which Excel
never runs, so the value stays exactly as typed.
"""

import re

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_START = re.compile(r"(?:^|(?<=[,;\t\r\n]))( *)(?=[=+\-@\t\r])")
CSV, XLSX = SpreadsheetExportMixin.FORMAT_CSV, SpreadsheetExportMixin.FORMAT_XLSX


def guard_cell(value, export_format):
    """The value to write in a cell of this format so that no spreadsheet runs it as a formula."""
    if export_format == CSV and isinstance(value, str):
        return FORMULA_START.sub(r"\1'", value)
    return value


# Wagtail's own, before the guard goes on them.
WAGTAIL_PREPROCESS_FIELD_VALUE = SpreadsheetExportMixin.preprocess_field_value
WAGTAIL_GENERATE_XLSX_ROW = SpreadsheetExportMixin.generate_xlsx_row


def guard_every_export():
    """Every CSV and XLSX export of the admin, each cell through `guard_cell`, each string an XLSX text cell.

    On Wagtail's SpreadsheetExportMixin itself (website/apps.py), not on a subclass of ours:
    Wagtail's own reports (the site history, aging and locked pages, workflows) export through
    it too, and name what changed by its title, which can be an applicant's words (an entry, a
    member added to the directory from one). No export can then forget the guard.
    """
    SpreadsheetExportMixin.preprocess_field_value = guarded_preprocess_field_value
    SpreadsheetExportMixin.generate_xlsx_row = guarded_generate_xlsx_row


def guarded_preprocess_field_value(self, field, value, export_format):
    return guard_cell(WAGTAIL_PREPROCESS_FIELD_VALUE(self, field, value, export_format), export_format)


def guarded_generate_xlsx_row(self, worksheet, row_dict, date_format=None):
    for cell in WAGTAIL_GENERATE_XLSX_ROW(self, worksheet, row_dict, date_format=date_format):
        if isinstance(cell.value, str):
            cell.data_type = "s"  # not a formula ("=…") nor an error ("#N/A"): the text as typed
        yield cell
