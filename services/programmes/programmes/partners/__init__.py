"""Partners: the countries themselves, their framework, flags, tools and suspension."""
