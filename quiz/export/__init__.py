"""Export decks to other programs; today, Anki packages (`quiz.export.anki`).

Importing this package imports nothing heavy: genanki is loaded only with `quiz.export.anki`.
"""
