"""The portable build's entry point: the same `otpic-reader` command as a pip install's."""

import os
import sys

# Run with no locale at all (`env -i`, some desktop launchers), Python itself would switch
# to C.UTF-8 (PEP 538), but a frozen Python does not, and Qt says so on stderr at every start.
if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("LC_ALL", "LC_CTYPE", "LANG")):
    os.environ["LC_CTYPE"] = "C.UTF-8"

from reader.cli import main  # after the locale, which Qt reads when it starts

sys.exit(main())
