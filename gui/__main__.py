"""`python -m gui [--tab NAME] [--lang zh_CN|en] [--version] [--self-test]`: the same as `gradient-lab`."""
import sys

from gui.main_window import main

if __name__ == "__main__":
    sys.exit(main())
