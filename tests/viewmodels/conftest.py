from tests.gui import session_for

__all__ = ["session_for"]
