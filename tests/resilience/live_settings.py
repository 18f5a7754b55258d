"""Settings of the real server the load experiments start: the platform's own, with the per-address limits
raised (every client of an experiment is 127.0.0.1; the limits are tested elsewhere)."""

from toandan.settings import *  # noqa: F403

PUBLIC_RATE_GET = "100000/m"
PUBLIC_RATE_WRITE = "100000/m"
REPORT_RATE_PER_IP = "100000/h"
REPORT_RATE_WITHOUT_POW = "100000/h"
REPORT_RATE_PER_CONTACT = "100000/h"
CHECK_MESSAGE_RATE = "100000/m"
