"""Accounts, roles, sign-in, the audit chain and evidence encryption."""
