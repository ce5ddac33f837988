import sys

from articlekit.cli import main

sys.exit(main())
