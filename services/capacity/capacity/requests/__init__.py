"""Defence Capacity Building requests: submission, assessment, the package of measures, contributions, progress."""
