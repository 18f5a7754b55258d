"""WSGI entry point, served by granian in `toandan serve`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toandan.settings")
application = get_wsgi_application()
