"""Briefbook: an offline editor for delegation-trip briefing books."""

__version__ = "0.1.0"
