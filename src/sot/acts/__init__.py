"""Court acts: kinds and templates, the smart assistant, signing, PDF with QR, depersonalization and publication (issue 7)."""
