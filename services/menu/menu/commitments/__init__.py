"""Commitments: partners' plans and capacity measures of menu activities, and what menu changes do to them."""
