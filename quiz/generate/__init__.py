"""Article to deck: read the source, extract facts, write questions. Headless; spaCy is imported lazily."""
