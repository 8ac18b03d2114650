"""Loaded first (pytest -p tests.testenv): defaults the test run needs before Django settings load."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")
