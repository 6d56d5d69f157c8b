"""The benchmark steps; each module's `run(settings)` returns result rows and growth rows."""
