"""python -m verify"""

import sys

from verify.cli import main_entry

main_entry()
