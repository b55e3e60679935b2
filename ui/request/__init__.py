"""The request workspace: header with the live deadline, lifecycle actions, and tabs."""
