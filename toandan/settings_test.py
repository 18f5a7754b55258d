"""Fast, isolated settings for the test suite: cheap hashing, immediate tasks, mail kept in memory."""

from toandan.settings import *  # noqa: F403

SECRET_KEY = "test-secret-key-not-for-production-" + "x" * 30  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-limits"},
}
TOANDAN_DEMO_SKIP_2FA = False
# The presence filter's refresh thread holds a database connection that would block dropping the PostgreSQL
# test database; the tests of the filter switch it on themselves.
INDICATOR_PRESENCE_FILTER = False
POW_DIFFICULTY = 8  # the mechanism is the same; the suite stays fast

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory, so that a real worker process can open the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}  # noqa: F405
