"""The project package and the core app (congress, organizations, milestones, dashboard)."""

from congress.celery import app as celery_app

__all__ = ["celery_app"]
