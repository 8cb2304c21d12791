"""The benchmark (`make bench`): district and province scale, pages against the framework floor and
Django admin, imports against django-import-export, the reminder sweep, load, page weight, memory."""
