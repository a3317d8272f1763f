"""The working-day calendar, procedural deadline rules, clocks on cases and recorded violations."""
