"""Tasks for the lease tests: one that raises, one whose run is cut short (as by a second
SIGTERM), each telling what its failure handler heard."""

from django_tasks import task

from kansli.core.leases.failure import on_failure

HEARD: list[tuple[int, str]] = []


@task()
def raises(number: int) -> None:
    raise RuntimeError("trasig")


@task()
def interrupted(number: int) -> None:
    raise SystemExit(1)


@on_failure(raises)
def raises_failed(number: int, *, message: str) -> None:
    HEARD.append((number, message))


@on_failure(interrupted)
def interrupted_failed(number: int, *, message: str) -> None:
    HEARD.append((number, message))
