"""The windows (QtWidgets): layout and binding to view models, nothing more."""
