"""The audit trail: every history-tracked model of a congress read as one list, object histories with
what changed, restoring deleted rows, and the log of downloads and exports (`audit_log_download`).

A model is audited as soon as it has `history = HistoricalRecords()` and a way to its congress
(a `congress` field, or a foreign key to a model that has one): a new app's models appear here
without any registration.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import CharField, F, QuerySet, Value
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from congress.audit_models import AuditAction, AuditEvent
from congress.models import Congress

# Columns that are derived from others or change on every save: not shown as changes.
HIDDEN_FIELDS = {
    "id",
    "search_text",
    "name_key",
    "name_folded",
    "updated_at",
    "created_at",
    "password",
    "last_login",
}
# Models whose deleted rows are not restored from the audit page (a deleted congress takes all else).
NOT_RESTORABLE = {"congress.congress"}
# Label columns tried in order to name an object in the audit list.
LABEL_FIELDS = ("title", "name", "full_name", "label", "code", "topic", "number")


@dataclass(frozen=True)
class AuditedModel:
    label: str  # "app_label.modelname"
    model: type[models.Model]
    history_model: type[models.Model]
    congress_path: str  # lookup from the historical row to the congress id
    label_path: str | None  # lookup naming the object, or None

    @property
    def verbose_name(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def restorable(self) -> bool:
        return self.label not in NOT_RESTORABLE


def _congress_path(model: type[models.Model]) -> str | None:
    if model is Congress:
        return "id"
    names = {f.name: f for f in model._meta.get_fields() if getattr(f, "concrete", False)}
    congress_field = names.get("congress")
    if congress_field is not None and getattr(congress_field, "related_model", None) is Congress:
        return "congress_id"
    for f in model._meta.get_fields():
        if getattr(f, "many_to_one", False) and f.concrete and f.related_model is not None:
            related = {g.name for g in f.related_model._meta.get_fields()}
            if "congress" in related and f.related_model is not Congress:
                return f"{f.name}__congress_id"
    return None


def _label_path(model: type[models.Model]) -> str | None:
    names = {f.name for f in model._meta.get_fields() if getattr(f, "concrete", False)}
    if "user" in names:  # a role or membership is named by its holder
        return "user__full_name"
    if "person" in names:  # a delegate, a candidate, a pool entry: by the party member
        return "person__full_name"
    if "delegate" in names and "topic" not in names:  # a member of a congress body
        return "delegate__person__full_name"
    for candidate in LABEL_FIELDS:
        if candidate in names:
            return candidate
    return None


@cache
def audited_models() -> dict[str, AuditedModel]:
    """Every history-tracked model that belongs to a congress, by "app_label.modelname"."""
    found: dict[str, AuditedModel] = {}
    for model in apps.get_models():
        manager_name = getattr(model._meta, "simple_history_manager_attribute", None)
        if not manager_name:
            continue
        path = _congress_path(model)
        if path is None:
            continue
        label = model._meta.label_lower
        found[label] = AuditedModel(
            label=label,
            model=model,
            history_model=getattr(model, manager_name).model,
            congress_path=path,
            label_path=_label_path(model),
        )
    return dict(sorted(found.items(), key=lambda item: str(item[1].verbose_name)))


def untracked_congress_models() -> list[str]:
    """Models with a congress but no history: nothing of theirs would be recoverable (a test lists them)."""
    missing = []
    for model in apps.get_models():
        if model._meta.app_label not in {"congress", "subcommittees", "personnel", "documents"}:
            continue
        if getattr(model._meta, "simple_history_manager_attribute", None):
            continue
        if model.__name__.startswith("Historical"):
            continue
        if _congress_path(model) is not None:
            missing.append(model._meta.label_lower)
    return sorted(missing)


# --- The congress-wide audit list: one UNION query over the history tables.


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class _Ref:
    """A foreign key's value in a change, named after all changes are known (one query per model)."""

    model: type
    pk: object


def _name_refs(changes: list[Change]) -> None:
    """Replace the foreign keys of `changes` by what they point to (a person's name, a title), so the
    history reads "recorded by: Nguyễn Văn An", not "#12"; a row since deleted stays "#12"."""
    wanted: dict[type, set] = {}
    for change in changes:
        for value in (change.old, change.new):
            if isinstance(value, _Ref):
                wanted.setdefault(value.model, set()).add(value.pk)
    names: dict[tuple[type, object], str] = {}
    for model, pks in wanted.items():
        for obj in model._default_manager.filter(pk__in=pks):
            name = getattr(obj, "full_name", "") or str(obj)
            names[(model, obj.pk)] = name if len(name) <= 120 else name[:117] + "…"
    for change in changes:
        if isinstance(change.old, _Ref):
            change.old = names.get((change.old.model, change.old.pk), f"#{change.old.pk}")
        if isinstance(change.new, _Ref):
            change.new = names.get((change.new.model, change.new.pk), f"#{change.new.pk}")


@dataclass
class AuditRow:
    model_label: str
    model_name: str
    history_id: int
    object_id: int
    date: datetime.datetime
    action: str  # "+", "~", "-"
    user_name: str
    label: str
    restorable: bool = False
    changes: list[Change] = field(default_factory=list)

    @property
    def action_display(self) -> str:
        return ACTION_LABELS().get(self.action, self.action)


def ACTION_LABELS() -> dict[str, str]:  # noqa: N802 (a constant that needs the active language)
    return {
        "+": pgettext("audit action", "Created"),
        "~": pgettext("audit action", "Changed"),
        "-": pgettext("audit action", "Deleted"),
    }


@dataclass(frozen=True)
class AuditFilters:
    model: str = ""
    user_id: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    action: str = ""


def _part(audited: AuditedModel, congress: Congress, filters: AuditFilters) -> QuerySet:
    label_expr = (
        Coalesce(Cast(audited.label_path, CharField()), Value(""))
        if audited.label_path
        else Value("", output_field=CharField())
    )
    qs = audited.history_model.objects.filter(**{audited.congress_path: congress.pk})
    if filters.user_id:
        qs = qs.filter(history_user_id=filters.user_id)
    if filters.action:
        qs = qs.filter(history_type=filters.action)
    tz = timezone.get_current_timezone()
    if filters.date_from:
        qs = qs.filter(history_date__gte=datetime.datetime.combine(filters.date_from, datetime.time.min, tzinfo=tz))
    if filters.date_to:
        qs = qs.filter(
            history_date__lt=datetime.datetime.combine(
                filters.date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
            )
        )
    return (
        qs.order_by()
        .annotate(
            a_model=Value(audited.label, output_field=CharField()),
            a_history_id=F("history_id"),
            a_object_id=F("id"),
            a_date=F("history_date"),
            a_action=F("history_type"),
            a_user=Coalesce(
                Cast("history_user__full_name", CharField()),
                Value("", output_field=CharField()),
            ),
            a_username=Coalesce(
                Cast("history_user__username", CharField()),
                Value("", output_field=CharField()),
            ),
            a_label=label_expr,
        )
        .values("a_model", "a_history_id", "a_object_id", "a_date", "a_action", "a_user", "a_username", "a_label")
    )


def congress_changes(*, congress: Congress, filters: AuditFilters = AuditFilters()) -> QuerySet:
    """Every change to the congress's history-tracked objects, newest first, as one queryset of dicts."""
    registry = audited_models()
    chosen = [registry[filters.model]] if filters.model in registry else list(registry.values())
    parts = [_part(audited, congress, filters) for audited in chosen]
    if len(parts) == 1:
        return parts[0].order_by("-a_date", "-a_history_id")
    return parts[0].union(*parts[1:], all=True).order_by("-a_date", "-a_history_id")


def audit_rows(values: list[dict]) -> list[AuditRow]:
    """Rows of the audit page with what changed: one query per kind of object on the page."""
    registry = audited_models()
    rows = [
        AuditRow(
            model_label=v["a_model"],
            model_name=registry[v["a_model"]].verbose_name if v["a_model"] in registry else v["a_model"],
            history_id=v["a_history_id"],
            object_id=v["a_object_id"],
            date=v["a_date"],
            action=v["a_action"],
            user_name=v["a_user"] or v["a_username"] or "",
            label=v["a_label"] or f"#{v['a_object_id']}",
            restorable=v["a_action"] == "-" and v["a_model"] in registry and registry[v["a_model"]].restorable,
        )
        for v in values
    ]
    by_model: dict[str, list[AuditRow]] = {}
    for row in rows:
        by_model.setdefault(row.model_label, []).append(row)
    for label, model_rows in by_model.items():
        audited = registry.get(label)
        if audited is None:
            continue
        changed = [r for r in model_rows if r.action == "~"]
        if not changed:
            continue
        newest = max(r.date for r in changed)
        records = list(
            audited.history_model.objects.filter(
                id__in={r.object_id for r in changed}, history_date__lte=newest
            ).order_by("id", "history_date", "history_id")
        )
        previous: dict[int, models.Model | None] = {}
        current: dict[int, models.Model] = {}
        last_by_object: dict[int, models.Model] = {}
        for record in records:
            previous[record.history_id] = last_by_object.get(record.id)
            current[record.history_id] = record
            last_by_object[record.id] = record
        for row in changed:
            record = current.get(row.history_id)
            if record is not None:
                row.changes = record_changes(record, previous.get(row.history_id))
    _name_refs([change for row in rows for change in row.changes])
    return rows


# --- One object's history.


def _display(record: models.Model, field: models.Field) -> str:
    value = getattr(record, field.attname)
    if value is None or value == "":
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if field.is_relation:
        return _Ref(field.related_model, value)  # named by _name_refs
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "…"


def record_changes(record: models.Model, previous: models.Model | None) -> list[Change]:
    """What differs between a historical row and the one before it (fields in model order)."""
    if previous is None:
        return []
    changes = []
    for f in record.instance_type._meta.concrete_fields:
        if f.name in HIDDEN_FIELDS or not f.editable and f.name not in {"status", "progress", "completed_at"}:
            continue
        try:
            old = getattr(previous, f.attname)
            new = getattr(record, f.attname)
        except AttributeError:
            continue
        if old != new:
            changes.append(Change(field=str(f.verbose_name), old=_display(previous, f), new=_display(record, f)))
    return changes


@dataclass
class HistoryEntry:
    date: datetime.datetime
    action: str
    user_name: str
    changes: list[Change]
    reason: str

    @property
    def action_display(self) -> str:
        return ACTION_LABELS().get(self.action, self.action)


def object_history(obj: models.Model, *, limit: int = 20) -> list[HistoryEntry]:
    """The last `limit` changes of an object, newest first, with what changed (one query)."""
    manager_name = getattr(obj._meta, "simple_history_manager_attribute", None)
    if not manager_name or obj.pk is None:
        return []
    records = list(
        getattr(obj, manager_name).select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        user = record.history_user
        entries.append(
            HistoryEntry(
                date=record.history_date,
                action=record.history_type,
                user_name=(user.full_name or user.username) if user else "",
                changes=record_changes(record, previous) if record.history_type == "~" else [],
                reason=record.history_change_reason or "",
            )
        )
    _name_refs([change for entry in entries for change in entry.changes])
    return entries


# --- Restoring a deleted row.


def history_restore(*, congress: Congress, model_label: str, history_id: int) -> models.Model:
    """Bring back a deleted object of the congress exactly as it was when deleted.

    The restore is itself recorded in the history (a new "created" row by the current user).
    """
    audited = audited_models().get(model_label)
    if audited is None or not audited.restorable:
        raise ValidationError(_("Objects of this kind cannot be restored here."))
    record = (
        audited.history_model.objects.filter(**{audited.congress_path: congress.pk}, history_id=history_id)
        .filter(history_type="-")
        .first()
    )
    if record is None:
        raise ValidationError(_("There is no such deleted object in this congress."))
    if audited.model._default_manager.filter(pk=record.id).exists():
        raise ValidationError(_("This object exists again: it was already restored."))
    instance = record.instance
    # Foreign keys are checked at commit by the database: say which one is missing, in words.
    for f in audited.model._meta.concrete_fields:
        if f.many_to_one and getattr(instance, f.attname) is not None:
            if not f.related_model._default_manager.filter(pk=getattr(instance, f.attname)).exists():
                raise ValidationError(
                    _("It cannot be restored because its %(field)s no longer exists; restore that first.")
                    % {"field": f.verbose_name}
                )
    instance.validate_unique()
    instance.validate_constraints()
    instance._change_reason = _("restored from the audit trail")
    try:
        with transaction.atomic():
            instance.save(force_insert=True)
    except IntegrityError:
        raise ValidationError(_("It cannot be restored: it conflicts with an object that exists now.")) from None
    return instance


# --- Downloads and exports.


def audit_log_download(
    *, user, congress: Congress, what: str, obj: models.Model | None = None, request=None, detail: str = ""
) -> AuditEvent:
    """Record that `user` downloaded, exported or printed confidential data of `congress`.

    `what` is one of AuditAction ("download", "export", "print", "view"); `obj` the file or object read
    (optional); `request` gives the address and path; `detail` says what exactly (e.g. "XLSX, 287 rows").
    """
    if what not in AuditAction.values:
        raise ValueError(f"Unknown audit action {what!r}; use one of {AuditAction.values}.")
    ip = None
    path = ""
    if request is not None:
        from congress.security import client_ip

        ip = client_ip(request) or None
        path = request.get_full_path()[:500]
    authenticated = user is not None and getattr(user, "is_authenticated", False)
    return AuditEvent.objects.create(
        congress=congress,
        user=user if authenticated else None,
        username=user.get_username() if authenticated else "",
        action=what,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        detail=detail[:255],
        ip=ip,
        path=path,
    )


def congress_events(*, congress: Congress, filters: AuditFilters = AuditFilters()) -> QuerySet[AuditEvent]:
    qs = AuditEvent.objects.filter(congress=congress).select_related("user")
    if filters.user_id:
        qs = qs.filter(user_id=filters.user_id)
    tz = timezone.get_current_timezone()
    if filters.date_from:
        qs = qs.filter(at__gte=datetime.datetime.combine(filters.date_from, datetime.time.min, tzinfo=tz))
    if filters.date_to:
        qs = qs.filter(
            at__lt=datetime.datetime.combine(filters.date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
        )
    return qs
