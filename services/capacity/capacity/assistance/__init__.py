"""EADRCC: a stricken country's requests for disaster assistance, nations' offers, situation reports."""
