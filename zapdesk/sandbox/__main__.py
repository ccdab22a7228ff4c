import sys

from zapdesk.sandbox.cli import main

sys.exit(main())
