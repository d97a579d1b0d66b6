"""`python -m calculators …`: see cli.py."""

import sys

from calculators.interfaces.cli import main

sys.exit(main())
