"""Celery tasks of the personnel app: thin, keyword ids, safe to run twice."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.utils import translation


@shared_task(name="personnel.run_import")
def run_import(*, job_id: int) -> None:
    from personnel.imports import import_claim, import_run

    job = import_claim(job_id)
    if job is None:
        return  # gone, or already taken by another worker
    language = getattr(job.created_by, "language", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        import_run(job=job)
