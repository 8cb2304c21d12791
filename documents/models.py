"""Draft documents, their versions and review rounds."""
