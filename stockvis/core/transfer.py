"""Move every row from this deployment's database to another (SQLite to PostgreSQL, typically).

Django's `dumpdata`/`loaddata` would hold the whole database in memory as JSON; this copies model
by model in dependency order, in batches, keeping primary keys (so every reference stays true),
inside one transaction on the target, then sets the target's id sequences past the copied rows and
compares the row count of every table. The target is migrated first; its own content types and
permissions (made by `migrate`) are replaced by the source's, whose ids the copied rows reference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.core.management.color import no_style
from django.core.serializers import sort_dependencies
from django.db import connections, models, transaction

BATCH = 5_000

#: Rows `migrate` writes into a fresh database by itself, replaced by the source's.
REPLACED_ON_TARGET = ("auth.Permission", "contenttypes.ContentType")


@dataclass(frozen=True)
class TableCount:
    table: str
    source: int
    target: int

    @property
    def ok(self) -> bool:
        return self.source == self.target


class TargetNotEmpty(Exception):
    """The target holds rows of its own; copying over them would mix two deployments."""


def transferable_models() -> list[type[models.Model]]:
    """Every concrete model with a table, parents before children (foreign keys resolve), the
    automatic many-to-many tables after both of their sides."""
    app_list = dict.fromkeys(apps.get_app_configs())
    ordered = sort_dependencies(app_list.items(), allow_cycles=True)
    through: list[type[models.Model]] = []
    for model in ordered:
        for field in model._meta.local_many_to_many:
            table = field.remote_field.through
            if table is not None and table._meta.auto_created:
                through.append(table)
    return [
        model for model in [*ordered, *through] if model._meta.managed and not model._meta.proxy
    ]


def _rows(model: type[models.Model], using: str) -> Iterator[list[models.Model]]:
    batch: list[models.Model] = []
    for row in model._base_manager.using(using).order_by("pk").iterator(chunk_size=BATCH):
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def target_rows(target: str) -> dict[str, int]:
    """Tables of the target holding rows other than what `migrate` writes itself."""
    found = {}
    for model in transferable_models():
        if model._meta.label in REPLACED_ON_TARGET:
            continue
        count = model._base_manager.using(target).count()
        if count:
            found[model._meta.db_table] = count
    return found


def database_transfer(
    *,
    source: str,
    target: str,
    replace: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> list[TableCount]:
    """Copy every row of ``source`` into ``target`` (both database aliases, target migrated).

    Refuses a target that holds data unless ``replace``, which deletes it first. Everything
    happens in one transaction on the target: a failure leaves it as it was.
    """
    ordered = transferable_models()
    occupied = target_rows(target)
    if occupied and not replace:
        raise TargetNotEmpty(
            "the target already holds data ("
            + ", ".join(f"{table}: {n}" for table, n in sorted(occupied.items())[:5])
            + "); pass --replace to delete it first"
        )
    with transaction.atomic(using=target):
        for model in reversed(ordered):
            model._base_manager.using(target).all().delete()
        for model in ordered:
            for batch in _rows(model, source):
                model._base_manager.using(target).bulk_create(batch, batch_size=BATCH)
                if progress is not None:
                    progress(model._meta.db_table, len(batch))
        _reset_sequences(target, ordered)
    return [
        TableCount(
            model._meta.db_table,
            model._base_manager.using(source).count(),
            model._base_manager.using(target).count(),
        )
        for model in ordered
    ]


def _reset_sequences(alias: str, ordered: list[type[models.Model]]) -> None:
    # Rows kept their ids; the target's sequences must start after them or the next insert fails.
    connection = connections[alias]
    statements = connection.ops.sequence_reset_sql(no_style(), ordered)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
