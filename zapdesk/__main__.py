import sys

from zapdesk.main import main

sys.exit(main())
