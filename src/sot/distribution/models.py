"""Case distribution: records."""
