"""Allow ``python -m briefer``."""

from briefer.cli import main

raise SystemExit(main())
