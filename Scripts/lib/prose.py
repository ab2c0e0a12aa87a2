#!/usr/bin/env python3
"""Writes a synthetic hard-wrapped Markdown document and an edited, re-wrapped second version.

usage: prose.py BYTES EDIT_PERCENT SEED OLD_PATH NEW_PATH [VOCABULARY [SUBSTITUTIONS]]
Prints the true edit counts as "added removed" (a substitution counts one of each).
Words follow a Zipf law over a vocabulary of VOCABULARY words (20,000 by default), as real
prose does, so rare words occur once or twice and common ones everywhere; some paragraphs are
blockquotes. With SUBSTITUTIONS, exactly that many words at random places are replaced by
another word of the vocabulary instead (EDIT_PERCENT is then not used): with a small
vocabulary almost no word is unique, the hard case for a diff that anchors on unique words.
"""
import random
import sys
import textwrap


def vocabulary(rng, size=20_000):
    letters = "etaoinshrdlcumwfgypbvkjxqz"
    words = set()
    while len(words) < size:
        length = rng.randint(2, 11)
        words.add("".join(rng.choices(letters, weights=range(26, 0, -1), k=length)))
    words = sorted(words)
    rng.shuffle(words)
    return words


def document(rng, words, size):
    weights = [1 / (rank + 1) for rank in range(len(words))]
    paragraphs, total = [], 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(3, 8)):
            sentence = rng.choices(words, weights=weights, k=rng.randint(8, 25))
            sentence[0] = sentence[0].capitalize()
            for _ in range(rng.randint(0, 2)):
                position = rng.randrange(1, len(sentence))
                sentence[position] += ","
            sentence[-1] += "."
            sentences.append(sentence)
        paragraph = [word for sentence in sentences for word in sentence]
        paragraphs.append((rng.random() < 0.3, paragraph))
        total += sum(len(word) + 1 for word in paragraph)
    return paragraphs


def render(paragraphs, width):
    blocks = []
    for quoted, paragraph in paragraphs:
        prefix = "> " if quoted else ""
        lines = textwrap.wrap(" ".join(paragraph), width - len(prefix), break_on_hyphens=False)
        blocks.append("\n".join(prefix + line for line in lines))
    return "\n\n".join(blocks) + "\n"


def edit(rng, words, paragraphs, percent):
    added = removed = 0
    edited = []
    for quoted, paragraph in paragraphs:
        result = []
        for word in paragraph:
            if rng.random() * 100 >= percent:
                result.append(word)
                continue
            kind = rng.choice(["substitute", "insert", "delete"])
            replacement = rng.choice(words)
            if kind == "substitute":
                # Keep the punctuation that trails the word, as an editor would.
                tail = word[len(word.rstrip(",.")):]
                result.append(replacement + tail)
                added += 1
                removed += 1
            elif kind == "insert":
                result += [word, replacement]
                added += 1
            elif len(paragraph) > 1:
                removed += 1
            else:
                result.append(word)
        edited.append((quoted, result))
    return edited, added, removed


def substitute(rng, words, paragraphs, count):
    places = [(p, w) for p, (_, paragraph) in enumerate(paragraphs) for w in range(len(paragraph))]
    edited = [(quoted, list(paragraph)) for quoted, paragraph in paragraphs]
    for p, w in rng.sample(places, count):
        word = edited[p][1][w]
        tail = word[len(word.rstrip(",.")):]
        bare = word[:len(word) - len(tail)]
        replacement = rng.choice([other for other in rng.sample(words, 2) if other.lower() != bare.lower()][:1] or [words[0]])
        if w == 0 or edited[p][1][w - 1].endswith("."):
            replacement = replacement.capitalize()
        edited[p][1][w] = replacement + tail
    return edited, count, count


def main():
    size, percent, seed, old_path, new_path = sys.argv[1:6]
    rng = random.Random(int(seed))
    words = vocabulary(rng, int(sys.argv[6]) if len(sys.argv) > 6 else 20_000)
    paragraphs = document(rng, words, int(size))
    if len(sys.argv) > 7:
        edited, added, removed = substitute(rng, words, paragraphs, int(sys.argv[7]))
    else:
        edited, added, removed = edit(rng, words, paragraphs, float(percent))
    with open(old_path, "w") as old:
        old.write(render(paragraphs, 72))
    with open(new_path, "w") as new:
        new.write(render(edited, 60))
    print(added, removed)


main()
