"""Activities: the areas of cooperation, the menu's activities and their dated occurrences."""
