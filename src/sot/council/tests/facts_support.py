"""A complete facts document for a strong candidate; tests change one fact at a time."""

from __future__ import annotations

from typing import Any


def facts(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "age": 40,
        "citizen": True,
        "higher_legal_education": True,
        "legal_experience_years": 22,
        "judge_experience_years": 12,
        "regional_judge_experience_years": 6,
        "is_sitting_judge": False,
        "exam": {"passed_on": "2024-03-01"},
        "exam_attempts": [{"date": "2024-03-01", "passed": True}],
        "magistracy_graduated_on": None,
        "former_judge": None,
        "dismissed_for_discrediting": False,
        "special_check_passed": True,
        "plenary_conclusion": True,
        "guarantee_judge": True,
        "guarantee_non_judge": True,
        "consecutive_terms_in_post": 0,
    }
    document.update(changes)
    return document
