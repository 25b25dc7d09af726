"""Portfolio.ledger_version: changed with every write of the portfolio's transactions, the key its
decoded ledger is cached under. Existing portfolios all start from one value, which is enough: the
cache key holds the portfolio's id as well."""

import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("portfolios", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="portfolio",
            name="ledger_version",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
    ]
