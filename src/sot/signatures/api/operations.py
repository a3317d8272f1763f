"""Every API operation of the signatures app, for src/sot/core/tests/test_api_errors.py."""

PROTECTED = [
    ("post", "/api/v1/signatures/challenges/"),
    ("get", "/api/v1/signatures/challenges/{challenge_id}/"),
]
PUBLIC = [
    ("post", "/api/v1/signatures/verify/"),
    ("get", "/api/v1/signatures/phone/{token}/"),
    ("post", "/api/v1/signatures/phone/{token}/answer/"),
]
