"""OTPIC Reader: an offline reader for the archived OTPIC course."""

__version__ = "0.1.0"
