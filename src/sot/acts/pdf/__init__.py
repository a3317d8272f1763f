"""The PDF of a signed act: WeasyPrint, embedded fonts with the Kazakh letters, a QR code."""

from .render import FontsMissing, render_act_pdf

__all__ = ["FontsMissing", "render_act_pdf"]
