"""Partners: the menu's copy of programmes' partners, kept from programmes' partner topic."""
