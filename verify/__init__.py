"""verify: a numeric consistency checker for Chinese news reports."""

__version__ = "0.1.0"
