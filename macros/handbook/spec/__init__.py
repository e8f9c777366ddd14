"""The one spec language (stdlib only) and the one problem type."""
