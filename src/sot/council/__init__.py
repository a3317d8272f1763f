"""The Supreme Judicial Council (law on the SJC): candidates, exams, competitions, sessions and votes."""
