"""The staff side of the desk: cards, buttons, relays and commands in the department groups."""
