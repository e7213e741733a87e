"""Gradient Lab (梯度实验室): `python app.py [--tab NAME] [--lang zh_CN|en] [--version] [--self-test]`."""
import sys

from gui.main_window import main

if __name__ == "__main__":
    sys.exit(main())
