"""Search matches word forms on SQLite too ("helplines" finds "Child helpline").

Wagtail's SQLite backend makes its full-text table with FTS5's default tokenizer, which
matches words only as written. The table is made again with the Porter stemmer (English, as
PostgreSQL's "english" search configuration is) and filled from the index entries, which on
SQLite keep their text. Wagtail's triggers name the table, so they go on working.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry_fts"


def make_table(tokenizer):
    def run(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "sqlite":
            return  # PostgreSQL stems through WAGTAILSEARCH_BACKENDS' SEARCH_CONFIG
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [TABLE])
            if cursor.fetchone() is None:
                return  # no FTS5 in this SQLite: Wagtail searches without it
            cursor.execute(f"DROP TABLE {TABLE}")
            cursor.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(autocomplete, body, title, tokenize='{tokenizer}')")
            cursor.execute(
                f"INSERT INTO {TABLE}(rowid, title, body, autocomplete) "
                "SELECT id, title, body, autocomplete FROM wagtailsearch_indexentry"
            )

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0003_contact_addresses_from_settings_only"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(make_table("porter unicode61"), make_table("unicode61"))]
