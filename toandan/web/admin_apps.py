"""Use the platform's admin site (second factor required) instead of Django's default one."""

from django.contrib.admin.apps import AdminConfig


class ToanDanAdminConfig(AdminConfig):
    default_site = "toandan.web.admin_site.ToanDanAdminSite"
