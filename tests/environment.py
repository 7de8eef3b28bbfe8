"""Loaded with `-p tests.environment` before pytest-django reads the settings.

Tests run against the development configuration (no HTTPS redirect, a dev key); Django's test
runner still turns DEBUG off while tests run. Production settings have tests of their own,
which import the settings module under a controlled environment.
"""

import os

os.environ.setdefault("DEBUG", "1")
