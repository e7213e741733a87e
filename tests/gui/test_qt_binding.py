"""Guards against a Qt binding that corrupts Python's reference counts (PySide6 6.12.0 did, for bools).

Every signal that carries a bool (Worker.done, toggled, ...) would slowly free True / False and abort the app.
"""
import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    flag = Signal(bool)


def test_bool_signals_keep_reference_counts(qtbot):
    emitter = Emitter()
    received = []
    emitter.flag.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(50):
        emitter.flag.emit(True)
    received.clear()
    assert sys.getrefcount(True) >= before  # 6.12.0 lost one reference per emit
