"""Fixtures for map tests in Debian chromium via Playwright."""
