"""Settings for benchmarks: the real platform plus a minimal baseline app measured on the same server.

Rate limits are lifted (the load tool is one address sending thousands of requests); everything else,
middleware included, is as in production.
"""

from toandan.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "bench.baseline"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
PUBLIC_RATE_GET = PUBLIC_RATE_WRITE = "100000000/m"
REPORT_RATE_PER_IP = REPORT_RATE_WITHOUT_POW = REPORT_RATE_PER_CONTACT = "100000000/m"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
AWARENESS_SEARCH_RATE = "100000000/m"

# One JSON line per request (toandan.core.logs) would fill the benchmark's own output with tens of thousands
# of lines and measure the terminal or file behind it; the middleware still runs, the line is not written.
LOGGING["loggers"]["toandan.request"] = {"level": "WARNING"}  # noqa: F405
