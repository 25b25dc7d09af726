"""PostgreSQL: the bars' reference to their asset is checked once per statement, not per row.

A foreign key checks every inserted row with a query of its own and a row lock on the asset: on a
fresh ingest that was half of the time (a COPY of 1,000,000 bars ran at 0.14x a bare COPY with the
key, 0.3x without it, on the same machine and minute). These triggers keep the same guarantees:

- inserting bars: after each statement, the assets its rows name are locked ``FOR KEY SHARE``
  (what the foreign key's check takes, so a concurrent delete of the asset waits for this
  transaction) and a row whose asset does not exist fails the statement with the foreign key
  violation SQLSTATE (23503); changing a bar's asset is checked the same way, row by row;
- deleting an asset, or changing its id, while bars still refer to it fails at commit, as the
  deferred foreign key did (Django deletes an asset's bars itself before the asset).

Two differences: the insert check runs at the end of the statement, not at commit, so bars
cannot be written before their asset within a transaction; and the delete check sees bars
committed meanwhile only under READ COMMITTED (Django's default isolation level). The model still
declares the foreign key (the ORM, the admin and the SQLite schema keep it); a later migration
that alters the ``asset`` field on PostgreSQL must drop these triggers first and restore them after.
SQLite keeps its foreign key.
"""

from django.db import migrations

BAR_MODELS = ("DailyPrice", "WeeklyPrice")

CREATE_FUNCTIONS = """
CREATE FUNCTION stockvis_bar_assets_exist() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing bigint;
BEGIN
    PERFORM 1 FROM market_asset a WHERE a.id IN (SELECT asset_id FROM new_rows) FOR KEY SHARE;
    SELECT n.asset_id INTO missing FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM market_asset a WHERE a.id = n.asset_id) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "%" violates its reference to market_asset',
            TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (asset_id)=(%s) is not present in table "market_asset".',
                                  missing);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION stockvis_bar_asset_exists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM market_asset a WHERE a.id = NEW.asset_id FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'insert or update on table "%" violates its reference to market_asset',
            TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (asset_id)=(%s) is not present in table "market_asset".',
                                  NEW.asset_id);
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION stockvis_asset_has_no_bars() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.id = NEW.id THEN
        RETURN NULL;
    END IF;
    IF EXISTS (SELECT 1 FROM market_dailyprice WHERE asset_id = OLD.id)
       OR EXISTS (SELECT 1 FROM market_weeklyprice WHERE asset_id = OLD.id) THEN
        RAISE EXCEPTION 'update or delete on table "market_asset" violates the reference from its bars'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (id)=(%s) is still referenced from its bars.', OLD.id);
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER market_asset_has_no_bars
    AFTER DELETE OR UPDATE OF id ON market_asset
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION stockvis_asset_has_no_bars();
"""

BAR_TRIGGERS = """
CREATE TRIGGER {table}_assets_exist
    AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stockvis_bar_assets_exist();
CREATE TRIGGER {table}_asset_exists
    BEFORE UPDATE OF asset_id ON {table}
    FOR EACH ROW WHEN (OLD.asset_id IS DISTINCT FROM NEW.asset_id)
    EXECUTE FUNCTION stockvis_bar_asset_exists();
"""

DROP = """
DROP TRIGGER IF EXISTS market_asset_has_no_bars ON market_asset;
DROP TRIGGER IF EXISTS {daily}_assets_exist ON {daily};
DROP TRIGGER IF EXISTS {daily}_asset_exists ON {daily};
DROP TRIGGER IF EXISTS {weekly}_assets_exist ON {weekly};
DROP TRIGGER IF EXISTS {weekly}_asset_exists ON {weekly};
DROP FUNCTION IF EXISTS stockvis_bar_assets_exist();
DROP FUNCTION IF EXISTS stockvis_bar_asset_exists();
DROP FUNCTION IF EXISTS stockvis_asset_has_no_bars();
"""


def to_triggers(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE_FUNCTIONS, None)  # None: no %-placeholders
    for name in BAR_MODELS:
        model = apps.get_model("market", name)
        column = model._meta.get_field("asset").column
        for key in schema_editor._constraint_names(model, [column], foreign_key=True):
            schema_editor.execute(schema_editor._delete_fk_sql(model, key))
        schema_editor.execute(BAR_TRIGGERS.format(table=model._meta.db_table), None)


def to_foreign_keys(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    daily, weekly = (apps.get_model("market", name)._meta.db_table for name in BAR_MODELS)
    schema_editor.execute(DROP.format(daily=daily, weekly=weekly), None)
    for name in BAR_MODELS:
        model = apps.get_model("market", name)
        field = model._meta.get_field("asset")
        schema_editor.execute(
            schema_editor._create_fk_sql(model, field, "_fk_%(to_table)s_%(to_column)s")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("market", "0004_bars_without_separate_asset_index"),
    ]

    operations = [migrations.RunPython(to_triggers, to_foreign_keys)]
