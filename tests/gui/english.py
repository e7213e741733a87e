"""Leftover English after a live switch to Chinese: collect every text a user sees in a window and name each
English word that is left (issue 18: "Finished: …", "Saved to …", "Done." staying English in 简体中文).

    texts = visible_texts(window)          # [(widget or item, where, text)] of what is visible in `window`
    words = english_words(text, typed)     # the English words of one text (allow-list and code names aside)
    problems = language_round_trip(qapp, window, typed)   # switch to Chinese, scan, switch back, compare

"English word": a run of ≥ 3 ASCII letters that is not a code name (a word with a digit or an underscore:
W1, x0, float32, train_neuralnet; CamelCase class names: TwoLayerNet, SimpleNet), not part of a file name or
path the user chose, not a word the user typed in this test (an expression, a model name), and not in ALLOWED.

The switch is synchronous: the LanguageChange events install_language posts are dropped and one is sent to the
window scanned, so no worker event or timer runs in between and the English texts read before and after the
round trip can be compared exactly.
"""
from __future__ import annotations

import functools
import re

import shiboken6
from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

# Words the Chinese interface keeps in English, each because the book / the lessons / the field use it as a name
# (test_no_english_left checks that every one of them occurs in a Chinese translation of the .ts file, so a word
# the translators give a Chinese name cannot hide here).
ALLOWED = {
    # activations and layers named as in the book's code and text
    "ReLU", "sigmoid", "Sigmoid", "softmax", "Softmax",
    # the optimizers of chapter 6, by their names in the book
    "SGD", "Momentum", "AdaGrad", "RMSprop", "Adam",
    # the data set and the tools, proper names
    "MNIST", "NumPy", "Python", "PySide", "pyqtgraph", "MIT", "Keras", "IDX", "gzip",
    # the book keeps "epoch" untranslated (一个 epoch = 600 次迭代)
    "epoch", "Epoch",
    # the book's name of the label form t = (0, 0, 1, 0, …): one-hot表示
    "one-hot",
    # the functions formulas and the expression boxes use: y = exp(a) / Σ exp(a), t log y, sin x, argmax
    "exp", "log", "sin", "cos", "tan", "tanh", "sqrt", "abs", "argmax", "relu",
    # test functions named after their authors
    "Rosenbrock", "Himmelblau",
    # file formats and keys, named as on the keyboard and in file names
    "GIF", "PNG", "JPEG", "Ctrl", "Shift", "Tab",
    # NumPy's infinity and not-a-number, as it prints them (exp(1010) 溢出为 inf)
    "inf", "nan",
    # Python's words in the code the Vectorisation page shows and names (Python 的 for 循环, range(n))
    "for", "range",
    # the book's weight_init_std in the formula N(0, std²); the course's folder of the cat files
    "std", "datasets",
}
MAX_ITEMS = 200  # rows of an item view read per scan (tables here are small; a long list costs time, not truth)

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_CHUNK = re.compile(r"[^\s\u3000-\u303f\uff00-\uffef\u3400-\u9fff,;()\[\]{}<>\"'“”‘’«»|=+*×·−–—…]+")
_TOKEN = re.compile(r"[A-Za-z0-9_]+(?:[-.][A-Za-z0-9_]+)*")
_FILE = re.compile(r"\.(npz|npy|h5|gz|pkl|png|gif|svg|csv|py|json|txt|log|ini|qm|ts|ubyte)$", re.IGNORECASE)
_CAMEL = re.compile(r"[a-z][A-Z]")


def has_chinese(text: str) -> bool:
    return bool(_CJK.search(text))


def has_words(text: str) -> bool:
    return bool(re.search(r"[A-Za-z\u3400-\u9fff]", text))


def words_only(text: str) -> str:
    """`text` with its numbers as #: "the longest arrow, |∇f| = 6.02" and "= 6.4" are the same English (the
    view, and so the number, can move when the layout changes with the language)."""
    return re.sub(r"\d+(?:[.,]\d+)*(?:e[-+]?\d+)?", "#", text)


@functools.lru_cache(maxsize=4096)
def plain(text: str) -> str:
    """`text` as the user reads it: rich text (HTML) rendered to plain text, '&' mnemonics removed."""
    if QtGui.Qt.mightBeRichText(text):
        document = QtGui.QTextDocument()  # t<sub>nk</sub> reads t_nk, not the word "tnk"
        text = re.sub(r"<sub>|<span [^>]*vertical-align:sub[^>]*>", "_", text)
        document.setHtml(re.sub(r"<sup>|<span [^>]*vertical-align:super[^>]*>", "^", text))
        text = document.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _is_path(chunk: str) -> bool:
    """~/.keras/datasets, data/MNIST/raw, C:\\data, train_catvnoncat.h5: a file or folder, named as it is."""
    return chunk.startswith(("/", "~", "\\", "./")) or bool(re.match(r"[A-Za-z]:[\\/]", chunk)) or bool(
        re.fullmatch(r"[\w.~-]+(?:[/\\][\w.~-]*)+", chunk, re.ASCII)) or bool(_FILE.search(chunk.rstrip(".:")))


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    found = []
    text = re.sub(r"[A-Za-z_][A-Za-z0-9_.]*\(", "(", plain(text))  # propagate(), np.dot(a, b): code
    for chunk in _CHUNK.findall(text):
        if _is_path(chunk):
            continue
        for token in _TOKEN.findall(chunk):
            if token in ALLOWED or not token.isascii() or "." in token:  # images.reshape, mnist.npz: code, files
                continue
            for word in token.split("-"):
                if len(word) >= 3 and word.isalpha() and not _CAMEL.search(word[1:]) and word not in ALLOWED:
                    found.append(word)
    return tuple(found)


def english_words(text: str, typed=frozenset()) -> list[str]:
    """The English words of `text` (see the module's docstring); words in `typed` (what the user typed) pass."""
    return [word for word in _words(text) if word not in typed and word.lower() not in typed]


def _where(obj) -> str:
    """A readable path to `obj`: its named ancestors or our own classes, then its class and objectName."""
    parts = []
    node = obj
    while node is not None:
        cls = type(node)
        name = node.objectName()
        name = "" if name.startswith("qt_") else name  # Qt's own parts (a tab widget's stack, a viewport)
        if name or not cls.__module__.startswith("PySide6") or node is obj:
            parts.append(f"{cls.__name__}#{name}" if name else cls.__name__)
        node = node.parent() if isinstance(node, QWidget) else None
    return "/".join(reversed(parts))


def _widget_texts(widget) -> list[str]:
    """The texts `widget` itself shows (not its children's)."""
    texts = [widget.toolTip()]
    if isinstance(widget, QLabel):
        texts.append(widget.text())
    elif isinstance(widget, QAbstractButton):
        texts.append(widget.text())
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            texts += [widget.tabText(i), widget.tabToolTip(i)]
    elif isinstance(widget, QComboBox):
        if not widget.isEditable():  # an editable box's text is the user's
            texts += [widget.itemText(i) for i in range(min(widget.count(), MAX_ITEMS))]
    elif isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())  # its text is the user's (or a number box's number)
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        if widget.isReadOnly():
            texts.append(widget.toHtml() if isinstance(widget, QTextEdit) else widget.toPlainText())
        texts.append(widget.placeholderText())
    elif isinstance(widget, QAbstractSpinBox):
        texts.append(widget.specialValueText())
        texts += [getattr(widget, "prefix", str)(), getattr(widget, "suffix", str)()]
    elif isinstance(widget, QProgressBar):
        if widget.isTextVisible():
            texts.append(widget.text())
    elif isinstance(widget, QDockWidget):
        texts.append(widget.windowTitle())
    elif isinstance(widget, QMainWindow):
        texts.append(widget.statusBar().currentMessage() if widget.statusBar() else "")
    if isinstance(widget, QAbstractItemView):
        texts += _model_texts(widget)
    return texts


def _model_texts(view) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    root = QModelIndex()
    rows, columns = min(_count(model.rowCount, root), MAX_ITEMS), _count(model.columnCount, root)
    for orientation, count in ((Qt.Orientation.Horizontal, columns), (Qt.Orientation.Vertical, rows)):
        for i in range(count):
            value = model.headerData(i, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                texts.append(value)
    stack = [(r, c, None) for r in range(rows) for c in range(columns)]
    while stack and len(texts) < 20 * MAX_ITEMS:
        r, c, parent = stack.pop()
        index = model.index(r, c) if parent is None else model.index(r, c, parent)
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.data(index, role)
            if isinstance(value, str):
                texts.append(value)
        children = _count(model.rowCount, index) if c == 0 and parent is None else 0
        if children:
            stack += [(rr, cc, index) for rr in range(min(children, MAX_ITEMS))
                      for cc in range(_count(model.columnCount, index))]
    return texts


def _count(method, index) -> int:
    """model.rowCount / columnCount: a list widget's internal model makes them private to Python (one column,
    no children)."""
    try:
        return method(index)
    except TypeError:
        return 0 if index.isValid() else 1


def _menu_texts(menu: QMenu, out, where):
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        out.append((action, f"{where}/{plain(action.text())}", action.text()))
        if action.menu() is not None:
            _menu_texts(action.menu(), out, f"{where}/{plain(action.text())}")


def _scene_texts(view: QGraphicsView, out):
    """pyqtgraph's titles, axis labels, legend entries and TextItems are QGraphicsTextItems in the scene;
    axis tick labels set as strings (setTicks) are painted, so they are read from the axis."""
    scene = view.scene()
    if scene is None:
        return
    where = _where(view)
    for item in scene.items():
        if not item.isVisible():
            continue
        if isinstance(item, QGraphicsTextItem):
            out.append((item, f"{where}/{type(item.parentItem() or item).__name__}", item.toPlainText()))
        elif isinstance(item, QGraphicsSimpleTextItem):
            out.append((item, f"{where}/{type(item).__name__}", item.text()))
        levels = getattr(item, "_tickLevels", None)
        if levels and hasattr(item, "labelText"):
            for level in levels:
                for _value, label in level:
                    out.append((item, f"{where}/{type(item).__name__} tick", str(label)))


def visible_texts(window: QWidget) -> list[tuple[object, str, str]]:
    """Every text a user sees in `window` (shown or not: what would be visible when it is shown), as
    (widget or item, where, text): labels, buttons, titles, tabs, combo items, placeholders, read-only text
    boxes, tables, tooltips, spin box suffixes, progress bars, the window title, menus, the status bar and the
    plots' texts."""
    out = [(window, _where(window), window.windowTitle())]
    widgets = [window] + [w for w in window.findChildren(QWidget) if w.isVisibleTo(window)]
    for widget in widgets:
        where = _where(widget)
        out += [(widget, where, text) for text in _widget_texts(widget)]
        if isinstance(widget, QGraphicsView):
            _scene_texts(widget, out)
    if isinstance(window, QMainWindow) and window.menuBar() is not None:
        for action in window.menuBar().actions():
            if action.isVisible() and action.menu() is not None:
                out.append((action, f"menu {plain(action.text())}", action.text()))
                _menu_texts(action.menu(), out, f"menu {plain(action.text())}")
    return [(obj, where, text) for obj, where, text in out if text]


def leftovers(window: QWidget, typed=frozenset()) -> list[str]:
    """'Class where: «text» → words' for each visible text of `window` with English words left."""
    from gui.i18n import LANGUAGES

    found = []
    for obj, where, text in visible_texts(window):
        if plain(text) in LANGUAGES.values():  # the Language menu names each language in its own language
            continue
        words = english_words(text, typed)
        if words:
            shown = plain(text).replace("\n", " ")
            at = max(0, shown.find(words[0]) - 50)
            shown = ("…" if at else "") + shown[at:at + 120] + ("…" if len(shown) > at + 120 else "")
            found.append(f"{', '.join(dict.fromkeys(words))} ← {type(obj).__name__} {where}: «{shown}»")
    return found


def retranslate(window: QWidget):
    """One LanguageChange to `window` (it passes it on to all its children), the language's posted ones dropped:
    nothing else runs meanwhile, and other top-level windows (a closed window of an earlier test that is not
    deleted yet) are left alone."""
    QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange.value)
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))


def switch(qapp, code: str, window: QWidget):
    """Install the language `code` and retranslate `window` in it."""
    from gui import i18n

    assert i18n.install_language(qapp, code), code
    retranslate(window)


def _snapshot(window) -> dict[tuple[int, str], tuple[object, list[str]]]:
    """{(id, where): (the object, its texts)}: the object is kept so that its id stays its own."""
    shot: dict[tuple[int, str], tuple[object, list[str]]] = {}
    for obj, where, text in visible_texts(window):
        if has_words(text):  # a number (a tick, a readout) may move with the layout: not the language's
            shot.setdefault((id(obj), where), (obj, []))[1].append(words_only(text))
    return shot


def user_words(window: QWidget) -> set[str]:
    """The words in the window's text boxes: the user's own (a function, a name), which messages may quote."""
    words = set()
    for box in window.findChildren(QLineEdit):
        words.update(re.findall(r"[A-Za-z]+", box.text()))
    for kind in (QTextEdit, QPlainTextEdit):
        for box in window.findChildren(kind):
            if not box.isReadOnly():
                words.update(re.findall(r"[A-Za-z]+", box.toPlainText()))
    return words


def language_round_trip(qapp, window: QWidget, typed=frozenset(), notes=None) -> list[str]:
    """Switch `window`'s app live to Chinese, list the English left, switch back to English and list every text
    that is not the English it was (still Chinese, or lost on the way). Empty when all is well. Words in `typed`
    or in the window's text boxes are the user's and may stay.

    A text that came back different is a problem only when a retranslate in English alone does not give that
    text too: a page can lag its state by an event (a step's count arrives by a queued signal), which is no fault
    of the language. Such texts go to `notes` (a list) — as does a result a retranslate loses ("Loss from 1.5
    to 6.7" turning into the page's hint), which only a person can tell from a lag."""
    if window is None or not shiboken6.isValid(window):
        return []
    typed = frozenset(typed) | user_words(window)
    before = _snapshot(window)
    problems = []
    try:
        switch(qapp, "zh_CN", window)
        problems += [f"English in Chinese: {line}" for line in leftovers(window, typed)]
    finally:
        switch(qapp, "en", window)
    after = _snapshot(window)
    changed = [key for key, (_obj, texts) in before.items() if after.get(key, (None, texts))[1] != texts]
    if changed:
        retranslate(window)  # in English again: what English alone makes of the state now
        again = _snapshot(window)
        for key in changed:
            was, back = before[key][1], after.get(key, (None, None))[1]
            if back and any(has_chinese(text) for text in back):
                continue  # said below
            if again.get(key, (None, None))[1] == back:
                if notes is not None:
                    notes.append(f"changed by a retranslate in English: {key[1]}: {was} → {back}")
            else:
                problems.append(f"not restored in English: {key[1]}: {was} → {back}")
    for key, (_obj, texts) in after.items():
        if any(has_chinese(text) for text in texts) and not any(has_chinese(t) for t in before.get(key, (0, []))[1]):
            problems.append(f"Chinese after switching back: {key[1]}: {texts}")
    return problems
