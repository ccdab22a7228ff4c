"""Widgets only; they talk to the controller layer and nothing below it."""
