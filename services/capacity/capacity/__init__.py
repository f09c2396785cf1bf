"""capacity: Defence Capacity Building (DCB) requests, from submission to completion."""
