"""The app's screens, one per file: weeks, a week, questions, a question, search, the quiz, its stats, help and dialogs."""
