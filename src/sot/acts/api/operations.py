"""Every operation of the acts API, for the project-wide auth, error and schema tests."""

A = "/api/v1/acts/{act_id}/"

PROTECTED = [
    ("post", "/api/v1/acts/"),
    ("post", "/api/v1/acts/assistant/"),
    ("get", "/api/v1/acts/cases/{case}/"),
    ("get", "/api/v1/acts/cases/{case}/assistant/"),
    ("get", A),
    ("get", A + "versions/"),
    ("post", A + "versions/"),
    ("get", A + "signing-payload/"),
    ("post", A + "sign/"),
    ("post", A + "reject/"),
    ("post", A + "correct/"),
    ("get", A + "pdf/"),
    ("get", A + "publication/"),
    ("post", A + "publication/withdraw/"),
]

PUBLIC = [
    ("get", "/api/v1/acts/check/{code}/"),
]
