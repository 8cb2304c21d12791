"""Background jobs of the documents app: building a large consolidation register; the rounds' deadlines."""

from __future__ import annotations

from celery import shared_task

from documents.models import RegisterExport


@shared_task(name="documents.build_register_export")
def build_register_export(*, export_id: int) -> None:
    """Build a queued register export; a deleted or already claimed row is left alone."""
    from documents.services import register_export_run

    if not RegisterExport.objects.filter(pk=export_id).exists():
        return
    register_export_run(export_id=export_id)


@shared_task(name="documents.close_round_deadlines", ignore_result=True)
def close_round_deadlines() -> int:
    """Hourly (Celery beat): the "close" deadlines of rounds past their last day are done."""
    from documents.services import round_close_deadlines_expire

    return round_close_deadlines_expire()
