"""Sot: an open e-justice platform for a national judiciary."""
