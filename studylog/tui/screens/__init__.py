"""The app's screens, one per file: weeks, a week, questions, a question, search, help and dialogs."""
