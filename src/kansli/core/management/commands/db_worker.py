"""`python -m kansli db_worker`: django-tasks-db's worker, with task leases (decision 0013).

Same options as django-tasks-db's own command, which this one replaces (kansli.core comes
before django_tasks_db in INSTALLED_APPS)."""

import os
from typing import Any

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from kansli.core.leases.worker import LeasedWorker


class Command(db_worker.Command):
    help = (
        "Kör bakgrundsarbetaren. Den förnyar sin hjärtslag medan den arbetar och tar upp "
        "uppgifter vars arbetare har dött."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        batch = options["batch"]
        reload = options["reload"] and not batch
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = LeasedWorker(
            queue_names=queue_names,
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
