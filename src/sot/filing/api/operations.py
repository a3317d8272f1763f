"""Every operation of the Court Cabinet API, for the project-wide auth, error and schema tests."""

F = "/api/v1/filing/filings/{filing_id}/"
C = "/api/v1/filing/cabinet/cases/{case}/"

PROTECTED = [
    ("post", "/api/v1/filing/fee/"),
    ("get", "/api/v1/filing/grounds/"),
    ("post", "/api/v1/filing/drafts/"),
    ("get", "/api/v1/filing/filings/"),
    ("post", "/api/v1/filing/filings/"),
    ("get", F),
    ("patch", F),
    ("delete", F),
    ("post", F + "attachments/"),
    ("get", F + "attachments/{attachment_id}/"),
    ("delete", F + "attachments/{attachment_id}/"),
    ("get", F + "bundle/"),
    ("post", F + "payments/"),
    ("post", F + "submit/"),
    ("post", F + "accept/"),
    ("post", F + "return/"),
    ("post", F + "leave-without-motion/"),
    ("get", "/api/v1/filing/queue/"),
    ("get", "/api/v1/filing/cabinet/cases/"),
    ("get", C + "history/"),
    ("get", C + "documents/"),
    ("get", C + "documents/{document_id}/"),
    ("post", "/api/v1/filing/certificates/"),
]
PUBLIC = [
    ("get", "/api/v1/filing/kinds/"),
    ("get", "/api/v1/filing/certificates/verify/"),
]
