"""Services over the store: weeks, sections, questions, links and search. No UI, no torch."""
