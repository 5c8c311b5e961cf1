"""Channel adapters at the edge: they turn a channel's input into neutral events and render replies."""
