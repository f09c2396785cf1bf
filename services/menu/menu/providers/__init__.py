"""Providers: who offers activities (a NATO body, a nation, a PTEC or a COE), known by the pcmRef prefix."""
