"""Editions: snapshots of released content, the changes between them, and release."""
