"""Cited reference data (paper tables) that studylog's checks compare against."""
