"""Drop the index on asset alone from the daily and weekly bars.

The unique (asset, date, source) index leads with asset and answers every lookup by asset, so the
second index only cost every insert a B-tree update. The index is dropped in place (AlterField
would rebuild the whole table on SQLite).
"""

import django.db.models.deletion
from django.db import migrations, models

BAR_MODELS = ("DailyPrice", "WeeklyPrice")


def _asset_indexes(schema_editor, model):  # type: ignore[no-untyped-def]
    return schema_editor._constraint_names(
        model, [model._meta.get_field("asset").column], index=True, unique=False
    )


def drop_asset_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    for name in BAR_MODELS:
        model = apps.get_model("market", name)
        for index in _asset_indexes(schema_editor, model):
            schema_editor.execute(schema_editor._delete_index_sql(model, index))


def add_asset_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    for name in BAR_MODELS:
        model = apps.get_model("market", name)
        if not _asset_indexes(schema_editor, model):
            field = model._meta.get_field("asset")
            schema_editor.execute(schema_editor._create_index_sql(model, fields=[field]))


class Migration(migrations.Migration):
    dependencies = [
        ("market", "0003_merge_cash_flow_and_corporate_actions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name=name.lower(),
                    name="asset",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="market.asset",
                    ),
                )
                for name in BAR_MODELS
            ],
            database_operations=[migrations.RunPython(drop_asset_index, add_asset_index)],
        ),
    ]
