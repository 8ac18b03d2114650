"""Test-run defaults: a development secret and DEBUG for templates' sake; real services otherwise."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")
