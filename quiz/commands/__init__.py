"""Command implementations: thin edges over the headless core, one module per area, imported lazily."""
