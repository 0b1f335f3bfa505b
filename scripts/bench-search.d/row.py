#!/usr/bin/env python3
"""One table row from measure.mjs's output.

    row.py OUT QUERY ENGINE PAGE.json WARM.json URLS.txt SPLIT.tsv
    row.py --split SPLIT.tsv          prints the split as a table

Maps every fetched URL to its file under OUT and sums, per file, the raw size
and min(raw, gzip -6 size) (what a server compressing on the fly would send;
Pagefind's files are compressed at rest and do not shrink). Prints the row,
writes the fetched files to URLS.txt and appends where the gzip bytes went
(page / engine / index / texts) to SPLIT.tsv.
"""
import gzip
import json
import os
import sys
from urllib.parse import unquote, urlsplit

if sys.argv[1] == "--split":
    print(f"{'query':<22} {'engine':<9} {'page':>8} {'engine':>8} {'index':>8} {'texts':>8}")
    with open(sys.argv[2]) as f:
        for line in f:
            q, engine, *n = line.rstrip("\n").split("\t")
            print(f"{q:<22} {engine:<9} " + " ".join(f"{x:>8}" for x in n))
    sys.exit(0)

out, query, engine, page_file, warm_file, urls_file, split_file = sys.argv[1:8]


def load(path):
    if path == "/dev/null":  # no warm run (the filter rows)
        return {}
    try:
        with open(path) as f:
            return json.loads(f.read().strip().splitlines()[-1])
    except (OSError, ValueError, IndexError) as e:
        return {"error": f"no result ({e})"}


def local_file(url):
    path = unquote(urlsplit(url).path)
    if path.endswith("/"):
        path += "index.html"
    return os.path.join(out, path.lstrip("/"))


def part(engine, path, kind):
    """page: the HTML shell; engine: search code (stemmers too) and fixed data;
    index: what the query looked up; texts: result texts."""
    if kind == "navigation":
        return "page"
    if engine == "polybook":
        if "/search/" not in path:
            return "page"
        name = path.rsplit("/", 1)[-1]
        if name in ("engine.js", "manifest.js") or "/stemmers/" in path:
            return "engine"
        return "texts" if "/docs/" in path else "index"
    if "/pagefind/fragment/" in path:
        return "texts"
    if "/pagefind/index/" in path or "/pagefind/filter/" in path:
        return "index"
    return "engine"


page, warm = load(page_file), load(warm_file)
notes = []
for what, r in (("page", page), ("warm", warm)):
    if r.get("error"):
        notes.append(f"{what}: {r['error']}")
    if r.get("timed_out"):
        notes.append(f"{what}: timed out, not settled")
    if r.get("failed"):
        notes.append(f"{what}: {len(r['failed'])} failed requests")
if page.get("unlisted"):
    notes.append(f"{len(page['unlisted'])} requests in no timeline: {' '.join(page['unlisted'])}")

raw_sum = gz_sum = 0
split = {"page": 0, "engine": 0, "index": 0, "texts": 0}
lines = []
for e in page.get("entries", []):
    path = local_file(e["url"])
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        notes.append(f"not a file: {e['url']}")
        data = b""
    raw = len(data)
    gz = min(raw, len(gzip.compress(data, compresslevel=6, mtime=0)))
    raw_sum += raw
    gz_sum += gz
    split[part(engine, e["url"], e["kind"])] += gz
    lines.append(f"{e['transfer']:>8} {raw:>8} {gz:>8}  {e['kind']:<10} {'worker ' if e.get('worker') else ''}{e['url']}")
if "body" in page and page["body"] != raw_sum:
    notes.append(f"browser bodies {page['body']} B != files {raw_sum} B")

with open(urls_file, "w") as f:
    f.write(f"# {engine} q={query!r}: {page.get('text', '')!r}\n")
    f.write(f"# transfer  raw  gzip  kind  url\n")
    f.write("\n".join(lines) + "\n")
with open(split_file, "a") as f:
    f.write("\t".join([query, engine] + [str(split[k]) for k in ("page", "engine", "index", "texts")]) + "\n")

warm_ms = "-"
if warm.get("text", "").startswith("RESULT"):
    for word in warm["text"].split():
        if word.startswith("warm_ms="):
            warm_ms = word.split("=", 1)[1]
        if word.startswith("error="):
            notes.append(f"warm: {warm['text']}")
results = "-" if page.get("shown") is None else f"{page['shown']}/{page['total']}"
dash = lambda k: page[k] if k in page else "-"
print(f"{query:<22} {engine:<9} {dash('bytes'):>9} {raw_sum if page.get('entries') else '-':>9} "
      f"{gz_sum if page.get('entries') else '-':>9} {dash('requests'):>5} {warm_ms:>8} {results:>9}"
      + (f"  [{'; '.join(notes)}]" if notes else ""))
