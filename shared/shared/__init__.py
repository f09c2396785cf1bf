"""The Partnership Hub library: every mechanism the three services share, written once."""
