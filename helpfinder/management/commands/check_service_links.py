"""Try every service's web address and record what happened, for the editors' list and report."""

from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from helpfinder.links import TIMEOUT, problem_with, reached
from helpfinder.models import Service

WORKERS = 8


class Command(BaseCommand):
    help = (
        "Try every help finder service's web address (run daily by run_scheduler) and record whether it "
        "answered; editors see the result in the services list and the service's editor."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=TIMEOUT, help="Seconds to wait for each answer.")
        parser.add_argument("--workers", type=int, default=WORKERS, help="Addresses tried at the same time.")

    def handle(self, *args, timeout, workers, **options):
        services = list(Service.objects.exclude(url="").values_list("pk", "name", "url"))
        addresses = sorted({url for _, _, url in services})
        with ThreadPoolExecutor(max_workers=workers) as pool:
            problems = dict(zip(addresses, pool.map(lambda url: problem_with(url, timeout), addresses), strict=True))
        if len(addresses) > 1 and not any(map(reached, problems.values())):
            # No server reached at all says more about this server's connection than about the services.
            raise CommandError(f"None of the {len(addresses)} web addresses could be reached; nothing was recorded.")
        record(services, problems)
        self.report(services, problems)

    def report(self, services, problems):
        failed = [(name, url, problems[url]) for _, name, url in services if problems[url]]
        self.stdout.write(f"{len(services) - len(failed)} of {len(services)} web addresses answered.")
        for name, url, problem in failed:
            self.stdout.write(f"  {name} ({url}): {problem}")


def record(services, problems):
    """One UPDATE per distinct outcome. QuerySet.update() sends no save signal, so the public pages'
    cache is kept: the result is shown only in the admin."""
    by_problem = defaultdict(list)
    for pk, _, url in services:
        by_problem[problems[url]].append(pk)
    now = timezone.now()
    for problem, pks in by_problem.items():
        Service.objects.filter(pk__in=pks).update(link_checked_at=now, link_problem=problem)
    # A service whose address was removed has nothing left to report.
    Service.objects.filter(url="").exclude(link_problem="").update(link_checked_at=None, link_problem="")
