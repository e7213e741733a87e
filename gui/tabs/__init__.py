"""The main window's tabs: a package per tab (tab.py assembles its pages; state.py holds its one state object).

The registry of tabs, in the order the curriculum teaches them, is gui.main_window.TABS (static imports).
"""
