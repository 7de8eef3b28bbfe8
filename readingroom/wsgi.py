"""The WSGI entry point: gunicorn serves `readingroom.wsgi:application`."""

import os

from django.core.wsgi import get_wsgi_application

from readingroom.serving import freeze_after_warm_up, require_complete_configuration

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "readingroom.settings")

require_complete_configuration()
freeze_after_warm_up()
application = get_wsgi_application()
