"""Qt-free models of each experiment a tab shows, computed from the tab's state (no plot geometry)."""
