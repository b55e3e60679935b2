"""The PySide6 desktop console. Importing this package does not import Qt (see ui.launch)."""
