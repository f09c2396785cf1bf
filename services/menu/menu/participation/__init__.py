"""Participation: partners' nominations of participants to occurrences, seats and waitlists, attendance, feedback."""
