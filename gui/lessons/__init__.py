"""The Lessons panel: lesson files (schema.py), their checks (checks/), progress and the panel."""
