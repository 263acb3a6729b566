"""pos_app: a desktop point-of-sale till."""

__version__ = "0.1.0"
