"""The Textual app: a thin layer over studylog's services. Only this package imports textual."""
