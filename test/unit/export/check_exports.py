"""Consumer check of Newsmark exports with the Python standard library only.

Usage: python3 check_exports.py DIR — DIR holds one sub-folder per export (jsonl/, doccano/, brat/,
labelstudio/, conll/). Python slices strings by code point, like the tools these formats feed, so every span
must cut exactly its text here. Prints one line per checked item kind and exits non-zero on the first error.
"""
import json
import os
import sys

root = sys.argv[1]
counts = {}


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def count(kind):
    counts[kind] = counts.get(kind, 0) + 1


def read(path):
    # newline='' keeps CRLF as stored: offsets count every character of the file. Lines are split on "\n"
    # only, since JSON leaves U+2028 unescaped and str.splitlines() would break a record there.
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


jsonl_spans = []
for line in read(os.path.join(root, "jsonl", "corpus.jsonl")).split("\n"):
    if line == "":
        continue
    record = json.loads(line)
    text = record["text"]
    for span in record["spans"]:
        if text[span["start"]:span["end"]] != span["text"]:
            fail("jsonl span %r slices %r" % (span, text[span["start"]:span["end"]]))
        count("jsonl spans")
    jsonl_spans.append([(s["start"], s["end"], s["label"], s["text"]) for s in record["spans"]])

for index, line in enumerate(read(os.path.join(root, "doccano", "doccano.jsonl")).split("\n")):
    if line == "":
        continue
    record = json.loads(line)
    text = record["text"]
    got = [(s, e, label, text[s:e]) for s, e, label in record["label"]]
    if got != jsonl_spans[index]:
        fail("doccano record %d slices %r, jsonl has %r" % (index, got, jsonl_spans[index]))
    for _ in got:
        count("doccano spans")

brat_root = os.path.join(root, "brat")
for folder, _dirs, files in os.walk(brat_root):
    for name in files:
        if not name.endswith(".ann"):
            continue
        text = read(os.path.join(folder, name[:-4] + ".txt"))
        for line in read(os.path.join(folder, name)).split("\n"):
            if not line.startswith("T"):
                continue
            ident, type_and_offsets, covered = line.split("\t")
            fragments = type_and_offsets.split(" ", 1)[1].split(";")
            pieces = []
            for fragment in fragments:
                start, end = (int(n) for n in fragment.split(" "))
                if "\n" in text[start:end] or "\r" in text[start:end]:
                    fail("brat fragment %s of %s crosses a line break" % (fragment, ident))
                pieces.append(text[start:end])
            if " ".join(pieces) != covered:
                fail("brat %s in %s slices %r, expected %r" % (ident, name, " ".join(pieces), covered))
            count("brat annotations")

tasks = json.loads(read(os.path.join(root, "labelstudio", "labelstudio.json")))
for task in tasks:
    text = task["data"]["text"]
    results = [r for a in task["annotations"] for r in a["result"]]
    results += [r for p in task.get("predictions", []) for r in p["result"]]
    for result in results:
        value = result["value"]
        if text[value["start"]:value["end"]] != value["text"]:
            fail("labelstudio result %s slices %r" % (result["id"], text[value["start"]:value["end"]]))
        count("labelstudio results")

previous = "O"
for number, line in enumerate(read(os.path.join(root, "conll", "corpus.conll")).split("\n"), 1):
    if line == "":
        previous = "O"
        continue
    columns = line.split()
    if len(columns) != 2:
        fail("conll line %d has %d columns: %r" % (number, len(columns), line))
    tag = columns[1]
    if tag.startswith("I-") and previous[2:] != tag[2:]:
        fail("conll line %d: %s follows %s" % (number, tag, previous))
    if not (tag == "O" or tag.startswith("B-") or tag.startswith("I-")):
        fail("conll line %d: bad tag %r" % (number, tag))
    previous = tag
    count("conll tokens")

print(json.dumps(counts, sort_keys=True))
