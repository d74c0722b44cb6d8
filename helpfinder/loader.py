"""Load the project's list of reporting and support services (services.csv) into snippets.

Idempotent, and an editor's work always wins: each service remembers the values it was last
loaded with (`seeded_as`). Loading again fills a field from the list only while the field still
holds that loaded value, so a correction an editor made is never overwritten; a service an
editor deleted is never created again (`RemovedService`).
"""

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction

from helpfinder.models import RemovedService, Service, ServiceKind

DEFAULT_LIST = Path(__file__).with_name("services.csv")
GLOBAL = "ZZ"  # the list's code for a service for every country


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # deleted by an editor

    def __str__(self):
        return (
            f"{self.created} services created, {self.updated} updated from the list, "
            f"{self.unchanged} unchanged, {self.skipped} left deleted"
        )


def read(path=DEFAULT_LIST):
    """(seed key, field values as text) for each row of the list."""
    with open(path, newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            key = "|".join((row["country_code"], row["organisation"], row["service_name"]))
            yield (
                key,
                {
                    "country": "" if row["country_code"] == GLOBAL else row["country_code"],
                    "kind": ServiceKind.DIRECTORY if row["kind"] == "global" else row["kind"],
                    "organisation": row["organisation"],
                    "name": row["service_name"],
                    "url": row["url"],
                    "phone": row["phone"],
                    "audience": row["audience"],
                    "languages": ", ".join(code for code in row["languages"].split(";") if code),
                    "last_checked": checked_on(row["source_date"]),
                    "source": row["source_url"],
                },
            )


def checked_on(source_date):
    """The list's source date ('2022', '2022-01' or '2022-01-31') as the earliest day it can mean,
    so a partly known date never makes a service look more recently checked than it was."""
    if not source_date:
        return ""
    year, month, day = (source_date.split("-") + ["1", "1"])[:3]
    return date(int(year), int(month), int(day)).isoformat()


def as_text(value):
    return "" if value is None else str(value)


def assign(service, field, text):
    if field == "last_checked":
        service.last_checked = date.fromisoformat(text) if text else None
    else:
        setattr(service, field, text)


@transaction.atomic
def load_services(path=DEFAULT_LIST):
    result = LoadResult()
    existing = Service.objects.filter(seed_key__isnull=False).in_bulk(field_name="seed_key")
    removed = set(RemovedService.objects.values_list("seed_key", flat=True))
    for key, values in read(path):
        service = existing.get(key)
        if service is None and key in removed:
            result.skipped += 1
        elif service is None:
            service = Service(seed_key=key, seeded_as=values)
            for field, text in values.items():
                assign(service, field, text)
            service.save()
            result.created += 1
        elif update(service, values):
            result.updated += 1
        else:
            result.unchanged += 1
    return result


def update(service, values):
    """Take the list's newer values for the fields no editor has changed; True if any changed."""
    changed = False
    for field, text in values.items():
        loaded = service.seeded_as.get(field)
        if text != loaded and as_text(getattr(service, field)) == as_text(loaded):
            assign(service, field, text)
            service.seeded_as[field] = text
            changed = True
    if changed:
        service.save()
    return changed
