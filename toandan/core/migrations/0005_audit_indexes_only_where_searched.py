"""Audit rows keep only the indexes the log is searched by. On SQLite, altering the fields rebuilds the table,
which drops its append-only trigger (0002): it is created again at the end."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


SQLITE_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS core_auditevent_no_update BEFORE UPDATE ON core_auditevent
BEGIN SELECT RAISE(ABORT, 'core_auditevent is append-only'); END;
"""


def restore_sqlite_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_TRIGGER)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0004_periodic_task_runs'),
        ('orgs', '0001_units_and_scoped_memberships'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Unapplying rebuilds the table too: the trigger is restored last in either direction.
        migrations.RunPython(migrations.RunPython.noop, restore_sqlite_trigger),
        migrations.AlterField(
            model_name='auditevent',
            name='action',
            field=models.CharField(choices=[('auth.login', 'Đăng nhập'), ('auth.login_failed', 'Đăng nhập thất bại'), ('auth.login_throttled', 'Đăng nhập bị tạm chặn'), ('auth.logout', 'Đăng xuất'), ('auth.second_factor', 'Xác thực hai lớp'), ('auth.second_factor_failed', 'Xác thực hai lớp thất bại'), ('auth.totp_enrolled', 'Đăng ký ứng dụng xác thực'), ('perm.role_granted', 'Cấp vai trò'), ('perm.role_revoked', 'Thu hồi vai trò'), ('perm.user_flags_changed', 'Thay đổi quyền tài khoản'), ('pii.viewed', 'Xem dữ liệu cá nhân được bảo vệ'), ('state.changed', 'Thay đổi trạng thái'), ('state.created', 'Tạo mới')], max_length=40, verbose_name='hành động'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='actor',
            field=models.ForeignKey(blank=True, db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người thực hiện'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='unit',
            field=models.ForeignKey(blank=True, db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='orgs.unit', verbose_name='đơn vị'),
        ),
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(fields=['action'], name='audit_action_idx'),
        ),
        migrations.RunPython(restore_sqlite_trigger, migrations.RunPython.noop),
    ]
