"""Supreme Judicial Council: writes. Each service owns its transaction and checks who acts."""
