"""View models: state and commands for the windows (QtCore only)."""
