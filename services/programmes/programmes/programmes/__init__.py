"""Programmes: a partner's programmes, their lifecycle, objectives, planned menu activities, PARP and OCC."""
