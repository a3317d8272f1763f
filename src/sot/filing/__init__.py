"""The Court Cabinet: filing kinds as data, drafts, fees, electronic signatures, formal check, the participant's cabinet and public services (issue 3)."""
