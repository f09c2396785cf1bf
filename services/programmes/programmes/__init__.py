"""programmes: the partners and the programmes they agree with the Alliance."""
