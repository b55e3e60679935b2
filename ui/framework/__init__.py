"""The shared house of the window's lists, record workspaces and form dialogs: features declare, this builds."""
