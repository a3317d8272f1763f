"""Supreme Judicial Council: web pages. Thin: selectors read, services write."""
