"""Sync with a central PostgreSQL store: its schema, its till roles, and a till's link to it."""
