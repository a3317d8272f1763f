"""Every operation of the notifications API, for the shared API tests (sot.core.tests)."""

BASE = "/api/v1/notifications/"

PROTECTED = [
    ("get", BASE + "inbox/"),
    ("post", BASE + "inbox/{item_id}/read/"),
    ("get", BASE + "contacts/"),
    ("post", BASE + "contacts/"),
    ("post", BASE + "contacts/{item_id}/verify/"),
    ("post", BASE + "push-subscriptions/"),
]
# Receipts are not for signed-in users: each provider signs its own with an HMAC secret.
PUBLIC = [
    ("post", BASE + "receipts/smpp/"),
    ("post", BASE + "receipts/email/"),
    ("post", BASE + "receipts/push/"),
    ("post", BASE + "receipts/print-centre/"),
]
