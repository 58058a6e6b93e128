#!/usr/bin/env python3
"""A small Newsmark suggester in plain Python (standard library only).

It suggests runs of two or more capitalised words as `actor` and numeric dates (12/3/2021, 2021-03-12) as
`date`. It is a stand-in for a real model: replace `predict` with yours (see README.md beside this file).

Two ways to run it, the two transports of the suggester protocol:

    python3 capitalised_names.py             # a program: one JSON request a line on stdin, one answer a line on stdout
    python3 capitalised_names.py --http 8765 # an HTTP endpoint: POST the request, get the answer

Request: {"id": "world/story.txt", "text": "..."}
Answer:  {"id": "world/story.txt", "spans": [{"start": 10, "end": 24, "label": "actor", "score": 0.6}]}

Offsets are Python string indices, i.e. Unicode code points, which is what Newsmark expects by default.
"""

import json
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A capitalised word: an upper-case letter, then letters (any script with case), digits, apostrophes, hyphens.
WORD = r"[^\W\d_][\w'’-]*"
NAME = re.compile(rf"(?<![\w'’-]){WORD}(?:[ \t]+{WORD})+")
DATE = re.compile(r"(?<!\d)(?:\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})(?!\d)")


def capitalised(word):
    return word[:1].isupper()


def predict(text):
    """Spans of `text` as [{"start", "end", "label", "score"}], offsets in code points (Python indices)."""
    spans = []
    for line_match in re.finditer(r"[^\r\n]+", text):
        line, base = line_match.group(0), line_match.start()
        for match in NAME.finditer(line):
            # keep the longest runs of capitalised words inside the match
            run_start = None
            words = list(re.finditer(r"\S+", match.group(0)))
            for i, word in enumerate(words + [None]):
                ok = word is not None and capitalised(word.group(0))
                if ok and run_start is None:
                    run_start = i
                if not ok and run_start is not None:
                    run = words[run_start:i]
                    # a run that starts the line is often just a sentence start: need three words there
                    at_line_start = match.start() + run[0].start() == 0
                    if len(run) >= (3 if at_line_start else 2):
                        start = base + match.start() + run[0].start()
                        end = base + match.start() + run[-1].end()
                        while end > start and text[end - 1] in ".,;:!?)»”\"'":
                            end -= 1
                        spans.append({"start": start, "end": end, "label": "actor", "score": 0.6})
                    run_start = None
        for match in DATE.finditer(line):
            spans.append({"start": base + match.start(), "end": base + match.end(), "label": "date", "score": 0.9})
    return spans


def answer(request):
    """The protocol around `predict`: the same id back, the spans, nothing else needed."""
    return {"id": request["id"], "spans": predict(request["text"])}


def serve_lines():
    # One request a line in, one answer a line out, in order. Flush after each answer: Newsmark is waiting.
    # Anything else (progress, warnings) goes to stderr, never to stdout.
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        sys.stdout.write(json.dumps(answer(request), ensure_ascii=False) + "\n")
        sys.stdout.flush()


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("content-length", 0))
        try:
            request = json.loads(self.rfile.read(length).decode("utf-8"))
            body = json.dumps(answer(request), ensure_ascii=False).encode("utf-8")
            self.send_response(200)
        except (ValueError, KeyError) as error:
            body = json.dumps({"error": str(error)}).encode("utf-8")
            self.send_response(400)
        self.send_header("content-type", "application/json; charset=utf-8")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass  # quiet


def serve_http(port):
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"listening on http://127.0.0.1:{server.server_address[1]}/", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--http":
        serve_http(int(sys.argv[2]))
    elif len(sys.argv) == 1:
        serve_lines()
    else:
        sys.exit("usage: capitalised_names.py [--http PORT]")
