"""Background tasks of the importer: reading uploaded files into a preview, and importing
them once confirmed. Each is safe to run twice (a finished job is left alone)."""

from django_tasks import task


@task()
def import_job_preview(job_id: str) -> str:
    from .runs import import_job_preview_run

    return import_job_preview_run(job_id)


@task()
def import_job_import(job_id: str) -> str:
    from .runs import import_job_import_run

    return import_job_import_run(job_id)
