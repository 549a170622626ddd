"""studylog's bundled question bank: per question a Markdown file and a module of checks."""
