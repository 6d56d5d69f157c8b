"""Driver, the floor of `quiz export`: genanki writing the deck's notes from already-loaded data.

    genanki_floor.py NOTES.json OUT.apkg

NOTES.json holds the deck as plain data (read from the deck YAML beforehand, untimed); cloze
questions become Cloze notes, every other kind a Basic note with the options on the front.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

import genanki

BASIC = genanki.Model(
    1_734_201_917,
    "bench basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Front}}",
            "afmt": "{{FrontSide}}<hr id=answer>{{Back}}<br>{{Source}}",
        }
    ],
)
CLOZE = genanki.Model(
    1_734_201_918,
    "bench cloze",
    model_type=genanki.Model.CLOZE,
    fields=[{"name": "Text"}, {"name": "Source"}],
    templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Source}}"}],
)


def main() -> None:
    data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    deck = genanki.Deck(1_734_201_919, data["title"])
    for item in data["questions"]:
        source = html.escape(item.get("source", {}).get("sentence", ""))
        tags = [tag.replace(" ", "_") for tag in item.get("tags", [])]
        guid = genanki.guid_for(data["id"], item["id"])
        if item["kind"] == "cloze":
            fields = [html.escape(item["prompt"]), source]
            model = CLOZE
        else:
            answer = item.get("answer", "")
            answer = " > ".join(answer) if isinstance(answer, list) else answer
            front = html.escape(item["prompt"])
            if item.get("choices"):
                front += "<br>" + "<br>".join(html.escape(c) for c in item["choices"])
            fields = [front, html.escape(answer), source]
            model = BASIC
        deck.add_note(genanki.Note(model=model, fields=fields, guid=guid, tags=tags))
    genanki.Package(deck).write_to_file(sys.argv[2], timestamp=1_700_000_000)


if __name__ == "__main__":
    main()
