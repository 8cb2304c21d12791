"""Subcommittees, working groups, memberships, the task plan and meetings."""
