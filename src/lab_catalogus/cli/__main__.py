"""`python -m lab_catalogus.cli` runs the lab command."""

import sys

from . import main

sys.exit(main())
