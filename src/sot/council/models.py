"""Supreme Judicial Council: records."""
