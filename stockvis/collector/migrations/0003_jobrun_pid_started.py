"""JobRun.pid_started: the process's start in clock ticks since boot, which with the pid names the
process exactly (a restarted container reuses small pids). Jobs recorded before keep the check by
start times."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("collector", "0002_jobrun_process"),
    ]

    operations = [
        migrations.AddField(
            model_name="jobrun",
            name="pid_started",
            field=models.BigIntegerField(blank=True, null=True),
        ),
    ]
