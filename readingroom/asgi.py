"""The ASGI entry point: gunicorn serves `readingroom.asgi:application`."""

import os

from django.core.asgi import get_asgi_application

from readingroom.serving import freeze_after_warm_up, require_complete_configuration

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "readingroom.settings")

require_complete_configuration()
freeze_after_warm_up()
application = get_asgi_application()
