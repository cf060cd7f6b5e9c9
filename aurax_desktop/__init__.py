"""AuraX Desktop: a desktop studio for the AuraX fashion-AI service."""

__version__ = "0.1.0"
