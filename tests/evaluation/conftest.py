"""Fixtures of the evaluation tests (defined in evaluation_world, which tests also import helpers from)."""

from evaluation_world import _media_in_tmp, seed_plan, steering, world  # noqa: F401
