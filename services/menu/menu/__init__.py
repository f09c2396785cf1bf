"""menu: the Partnership Cooperation Menu — areas, activities and their dated occurrences."""
