"""The Training page: the programme catalogue, classes with their sessions, participants,
attendance, results and printed documents."""
