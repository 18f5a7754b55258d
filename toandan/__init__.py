"""Toàn Dân: a platform for a province's whole-people movement for safety in cyberspace."""
