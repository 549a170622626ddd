"""Control sequences a stored text may carry, and a pattern for any a terminal would obey (tests import it by name)."""

import re

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"  # writes "rm -rf ~" into the terminal's clipboard
CSI = "\x1b[2J"  # clears the screen
C1 = "\x9b31m"  # a one-character CSI
BIDI = "\u202e"  # right-to-left override
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
