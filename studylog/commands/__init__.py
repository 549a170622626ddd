"""Click commands, one module per area; studylog.cli loads each only when it is invoked."""
