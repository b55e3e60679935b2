"""The record of processing activities and the cookie inventory, as people and regulators read them.

The data lives in the catalogue (console.policy.records); here it is put into words, tables,
a signed PDF and a CSV, and linked to requests and breaches by their data categories.
"""
