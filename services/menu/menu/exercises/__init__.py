"""Exercises: the Military Training and Exercise Programme and partners' requests to take part."""
