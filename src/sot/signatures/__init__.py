"""Electronic signatures: canonical bundles, X.509 verification to a trusted root, the test CA, QR signing and sign-in (issue 3, part 4)."""
