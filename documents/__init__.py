"""Draft documents, their versions, review rounds, comments and dispositions."""
