"""Khidma: a multilingual customer-service and citizen-report platform."""

__version__ = "0.1.0"
