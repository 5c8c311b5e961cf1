"""Channel-neutral conversations: they read neutral events and emit neutral replies."""
