"""Every search API operation, for the shared API tests (auth, error bodies, OpenAPI)."""

PROTECTED = [
    ("get", "/api/v1/search/internal/"),
    ("get", "/api/v1/search/internal/similar/"),
]
PUBLIC = [
    ("get", "/api/v1/search/public/"),
    ("get", "/api/v1/search/public/similar/"),
]
