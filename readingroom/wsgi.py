"""The WSGI entry point: gunicorn serves `readingroom.wsgi:application`."""

import os

from django.core.wsgi import get_wsgi_application

from readingroom.serving import require_complete_configuration

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "readingroom.settings")

require_complete_configuration()
application = get_wsgi_application()
