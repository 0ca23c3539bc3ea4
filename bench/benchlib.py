#!/usr/bin/env python3
"""Helpers for bench/run.sh (standard library only).

  benchlib.py freeport                         a free TCP port on 127.0.0.1
  benchlib.py wait-http URL [--timeout S] [--header H]
                                               poll until URL answers 200; print seconds waited
  benchlib.py probe URL [--header H]           GET once; print {"status", "bytes", "hits"} as JSON
  benchlib.py ts-load --url U --key K --jsonl F
                                               (re)create the Typesense collection `services`
                                               and import F in batches; print a JSON summary
  benchlib.py parse-wrk FILE                   wrk --latency output → JSON {rps, p50_ms, p99_ms, ...}
  benchlib.py rss PID                          VmRSS and VmHWM of a process in MiB, as JSON
  benchlib.py run-measure --out F -- CMD...   run CMD; write {"seconds", "maxrss_mib", "rc"} to F
  benchlib.py quote TEXT                       TEXT percent-encoded for a query string
  benchlib.py pick-static --dir D --out F      choose the nginx file: the median-size Harbour
                                               response (else Typesense's); print its size
  benchlib.py report --size N --dir D --out F  print the results table, write it as Markdown
"""

import argparse
import json
import os
import re
import resource
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

TS_SCHEMA = {
    "name": "services",
    "fields": [
        {"name": "name", "type": "string"},
        {"name": "description", "type": "string"},
        {"name": "country", "type": "string", "facet": True},
        {"name": "support", "type": "string[]", "facet": True},
        {"name": "crime", "type": "string[]", "facet": True},
        {"name": "language", "type": "string[]", "facet": True},
        {"name": "free", "type": "bool", "facet": True},
        {"name": "location", "type": "geopoint", "optional": True},
    ],
}

CLASSES = [
    ("rare", "rare term"),
    ("common", "common term"),
    ("filters", "filters only"),
    ("near", "near a city"),
]


def freeport(_a):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
    s.close()


def _get(url, headers=(), timeout=10):
    req = urllib.request.Request(url)
    for h in headers or ():
        k, _, v = h.partition(":")
        req.add_header(k.strip(), v.strip())
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def _alive(pid):
    """Running (not gone, not a zombie waiting for its parent)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def wait_http(a):
    start = time.monotonic()
    while True:
        try:
            status, _ = _get(a.url, a.header, timeout=5)
            if status == 200:
                print(f"{time.monotonic() - start:.3f}")
                return
        except (OSError, urllib.error.URLError):
            pass
        if a.pid and not _alive(a.pid):
            sys.exit(f"process {a.pid} exited before {a.url} answered 200")
        if time.monotonic() - start > a.timeout:
            sys.exit(f"{a.url} did not answer 200 within {a.timeout} s")
        time.sleep(a.interval)


def _hits(body):
    """Number of matches a search response reports, if it says (Typesense `found`, HSDS
    `total_items`)."""
    try:
        doc = json.loads(body)
    except ValueError:
        return None
    if isinstance(doc, dict):
        for key in ("found", "total_items", "total"):
            if isinstance(doc.get(key), int):
                return doc[key]
    return None


def probe(a):
    try:
        status, body = _get(a.url, a.header, timeout=60)
    except (OSError, urllib.error.URLError) as e:
        print(json.dumps({"status": 0, "bytes": 0, "hits": None, "error": str(e)}))
        return
    if a.save:
        with open(a.save, "wb") as f:
            f.write(body)
    print(json.dumps({"status": status, "bytes": len(body), "hits": _hits(body)}))


def ts_load(a):
    base = a.url.rstrip("/")
    headers = {"X-TYPESENSE-API-KEY": a.key}

    def call(method, path, data=None, ctype="application/json"):
        req = urllib.request.Request(base + path, data=data, method=method)
        for k, v in headers.items():
            req.add_header(k, v)
        if data is not None:
            req.add_header("Content-Type", ctype)
        try:
            with urllib.request.urlopen(req, timeout=3600) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    call("DELETE", "/collections/services")
    status, body = call("POST", "/collections", json.dumps(TS_SCHEMA).encode())
    if status not in (200, 201):
        sys.exit(f"creating the collection failed: HTTP {status} {body[:500]!r}")
    start = time.monotonic()
    ok = failed = 0
    first_error = None

    def flush(lines):
        nonlocal ok, failed, first_error
        st, out = call("POST", f"/collections/services/documents/import?action=create&batch_size={a.server_batch}",
                       b"".join(lines), "text/plain")
        if st != 200:
            sys.exit(f"import failed: HTTP {st} {out[:500]!r}")
        for line in out.splitlines():
            res = json.loads(line)
            if res.get("success"):
                ok += 1
            else:
                failed += 1
                first_error = first_error or res

    batch = []
    with open(a.jsonl, "rb") as f:
        for line in f:
            batch.append(line)
            if len(batch) >= a.batch:
                flush(batch)
                batch = []
    if batch:
        flush(batch)
    secs = time.monotonic() - start
    print(json.dumps({"imported": ok, "failed": failed, "seconds": round(secs, 2), "first_error": first_error}))
    if failed:
        sys.exit(1)


UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def _ms(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    return float(m.group(1)) * UNIT[m.group(2)] if m else None


def parse_wrk_text(text):
    out = {"rps": None, "p50_ms": None, "p99_ms": None, "requests": None, "non2xx": 0, "socket_errors": 0}
    m = re.search(r"Requests/sec:\s*([\d.]+)", text)
    if m:
        out["rps"] = float(m.group(1))
    m = re.search(r"(\d+) requests in", text)
    if m:
        out["requests"] = int(m.group(1))
    for pct, key in (("50", "p50_ms"), ("99", "p99_ms")):
        m = re.search(rf"^\s*{pct}(?:\.0+)?%\s+(\S+)", text, re.M)
        if m:
            v = _ms(m.group(1))
            out[key] = None if v is None else round(v, 3)
    m = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", text)
    if m:
        out["non2xx"] = int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        out["socket_errors"] = sum(int(x) for x in m.groups())
    return out


def parse_wrk(a):
    with open(a.file, encoding="utf-8", errors="replace") as f:
        print(json.dumps(parse_wrk_text(f.read())))


def rss(a):
    vals = {}
    try:
        with open(f"/proc/{a.pid}/status") as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmRSS", "VmHWM"):
                    vals[k] = round(int(v.split()[0]) / 1024, 1)
    except OSError:
        pass
    print(json.dumps({"rss_mib": vals.get("VmRSS"), "hwm_mib": vals.get("VmHWM")}))


def run_measure(a):
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    start = time.monotonic()
    rc = subprocess.call(cmd)
    secs = time.monotonic() - start
    maxrss_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(a.out, "w") as f:
        json.dump({"seconds": round(secs, 3), "maxrss_mib": round(maxrss_kib / 1024, 1), "rc": rc}, f)
    sys.exit(rc)


def quote(a):
    print(urllib.parse.quote(a.text, safe=""))


def pick_static(a):
    """The nginx ceiling serves one real response body whose size is the median of Harbour's
    responses to the query classes (Typesense's when Harbour gave none)."""
    for who in ("harbour", "typesense"):
        found = []
        for key, _ in CLASSES:
            pr = _load(os.path.join(a.dir, f"probe-{who}-{key}.json"))
            body = os.path.join(a.dir, f"body-{who}-{key}.json")
            if pr and pr.get("status") == 200 and os.path.exists(body):
                found.append((pr["bytes"], body))
        if found:
            found.sort()
            size, body = found[(len(found) - 1) // 2]
            with open(body, "rb") as src, open(a.out, "wb") as dst:
                dst.write(src.read())
            source = ("median Harbour response size" if who == "harbour"
                      else "no Harbour response: median Typesense response size")
            print(f"{size}\t{source}")
            return
    # Nothing answered: a JSON file of a typical size.
    filler = json.dumps({"note": "placeholder", "data": "x" * 8000}).encode()
    with open(a.out, "wb") as f:
        f.write(filler)
    print(f"{len(filler)}\tno response from either engine: a placeholder")


# ---------------------------------------------------------------- report


NUMERIC_META = {
    "harbour_import_s", "harbour_import_maxrss_mib", "harbour_ready_s", "harbour_rss_mib",
    "harbour_hwm_mib", "harbour_rss_end_mib", "typesense_import_s", "typesense_rss_mib", "typesense_hwm_mib", "static_bytes",
}


def load_meta(path):
    """meta.tsv: one `key<TAB>value` a line, written by run.sh. `skipped` and `note` lines
    accumulate; `url.X` and `version.X` lines build dictionaries."""
    meta = {"skipped": [], "urls": {}, "versions": {}}
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError:
        return meta
    for line in lines:
        key, _, val = line.partition("\t")
        if not key:
            continue
        if key in ("skipped", "note"):
            meta["skipped"].append(val)
        elif key.startswith("url."):
            meta["urls"][key[4:]] = val
        elif key.startswith("version."):
            meta["versions"][key[8:]] = val
        elif key in NUMERIC_META:
            try:
                meta[key] = float(val)
            except ValueError:
                pass
        else:
            meta[key] = val
    return meta


def _load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def _fmt_rps(v):
    return "–" if v is None else f"{v:,.0f}"


def _fmt_ms(v):
    if v is None:
        return "–"
    return f"{v:.2f}" if v < 10 else f"{v:.1f}" if v < 100 else f"{v:.0f}"


def _ratio(a, b):
    if a is None or b in (None, 0):
        return "–"
    return f"{a / b:.2f}"


def _cell(res, key):
    """A wrk result, or the reason there is none."""
    if res is None:
        return None
    return res.get(key)


def _expected(stats, key):
    n = stats.get({"rare": "rare_matches", "common": "common_matches", "filters": "filter_matches"}.get(key, ""))
    return f"{n:,}" if isinstance(n, int) else "–"


def report(a):
    d = a.dir
    meta = load_meta(os.path.join(d, "meta.tsv"))
    stats = _load(os.path.join(d, "stats.json")) or {}
    nginx = _load(os.path.join(d, "wrk-nginx.json"))
    rows = []
    notes = []
    for key, label in CLASSES:
        h = _load(os.path.join(d, f"wrk-harbour-{key}.json"))
        t = _load(os.path.join(d, f"wrk-typesense-{key}.json"))
        hp = _load(os.path.join(d, f"probe-harbour-{key}.json")) or {}
        tp = _load(os.path.join(d, f"probe-typesense-{key}.json")) or {}
        for who, res, pr in (("Harbour", h, hp), ("Typesense", t, tp)):
            if pr and pr.get("status") not in (None, 200):
                notes.append(f"{who} answered HTTP {pr.get('status')} to the {label} query; its numbers measure that error.")
            if res and (res.get("non2xx") or res.get("socket_errors")):
                notes.append(f"{who}, {label}: {res.get('non2xx')} non-2xx responses, {res.get('socket_errors')} socket errors during the run.")
        rows.append([
            label,
            _fmt_rps(_cell(h, "rps")), _fmt_ms(_cell(h, "p50_ms")), _fmt_ms(_cell(h, "p99_ms")),
            _fmt_rps(_cell(t, "rps")), _fmt_ms(_cell(t, "p50_ms")), _fmt_ms(_cell(t, "p99_ms")),
            _fmt_rps(_cell(nginx, "rps")), _fmt_ms(_cell(nginx, "p50_ms")), _fmt_ms(_cell(nginx, "p99_ms")),
            _ratio(_cell(h, "rps"), _cell(t, "rps")), _ratio(_cell(h, "rps"), _cell(nginx, "rps")),
            "–" if hp.get("hits") is None else f"{hp['hits']:,}",
            "–" if tp.get("hits") is None else f"{tp['hits']:,}",
            _expected(stats, key),
        ])
    header = ["query", "H req/s", "H p50 ms", "H p99 ms", "TS req/s", "TS p50 ms", "TS p99 ms",
              "nginx req/s", "nginx p50 ms", "nginx p99 ms", "H/TS", "H/nginx", "H hits", "TS hits", "expected"]

    size = a.size
    def val(key, fmt):
        v = meta.get(key)
        return "–" if v is None else fmt.format(v)

    lines_kv = [
        ("services", f"{size:,}"),
        ("HSDS JSON file", f"{stats['json_bytes'] / 1e6:,.1f} MB" if stats.get("json_bytes") else "–"),
        ("Harbour import time (harbour import)", val("harbour_import_s", "{:.1f} s")),
        ("Harbour import peak memory (max RSS of harbour import)", val("harbour_import_maxrss_mib", "{:,.0f} MiB")),
        ("Harbour index build (serve start → /readyz 200)", val("harbour_ready_s", "{:.1f} s")),
        ("Harbour resident memory after load (VmRSS)", val("harbour_rss_mib", "{:,.0f} MiB")),
        ("Harbour resident memory after the runs (VmRSS, end of run)", val("harbour_rss_end_mib", "{:,.0f} MiB")),
        ("Harbour peak resident memory (VmHWM, end of run)", val("harbour_hwm_mib", "{:,.0f} MiB")),
        ("Typesense import time (HTTP import of the JSONL)", val("typesense_import_s", "{:.1f} s")),
        ("Typesense resident memory after load (VmRSS)", val("typesense_rss_mib", "{:,.0f} MiB")),
        ("Typesense peak resident memory (VmHWM, end of run)", val("typesense_hwm_mib", "{:,.0f} MiB")),
        ("nginx static file", (f"{meta['static_bytes']:,.0f} bytes ({meta.get('static_source', '?')})"
                               if meta.get("static_bytes") is not None else "–")),
        ("wrk", f"{meta.get('wrk_threads', '?')} threads, {meta.get('wrk_connections', '?')} connections, "
                f"{meta.get('duration', '?')} per run"),
    ]
    skipped = meta.get("skipped") or []
    for s in skipped:
        notes.append(s)

    # Plain-text table for the terminal.
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    out = [f"== Harbour benchmark, {size:,} services ==", ""]
    out.append("  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(header, widths))))
    for r in rows:
        out.append("  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths))))
    out.append("")
    kw = max(len(k) for k, _ in lines_kv)
    for k, v in lines_kv:
        out.append(f"{k.ljust(kw)}  {v}")
    for n in notes:
        out.append(f"note: {n}")
    print("\n".join(out))

    # Markdown.
    md = [f"# Harbour benchmark: {size:,} services", ""]
    md.append(f"Run {meta.get('date', '?')} on {meta.get('machine', '?')}.")
    md.append("")
    md.append("H = Harbour, TS = Typesense; req/s and latency percentiles are from wrk; "
              "H/TS and H/nginx are ratios of req/s (above 1 means Harbour served more). "
              "`hits` is the number of matches each engine reported for the query, "
              "`expected` what the generator planted (– where it does not count). "
              "The nginx columns are one run serving a static file, repeated on every row as the ceiling.")
    md.append("")
    md.append("| " + " | ".join(header) + " |")
    md.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    for r in rows:
        md.append("| " + " | ".join(str(c) for c in r) + " |")
    md.append("")
    md.append("| measure | value |")
    md.append("|---|---:|")
    for k, v in lines_kv:
        md.append(f"| {k} | {v} |")
    md.append("")
    urls = meta.get("urls") or {}
    if urls:
        md.append("Queries:")
        md.append("")
        for key, label in CLASSES:
            for who in ("harbour", "typesense"):
                u = urls.get(f"{who}-{key}")
                if u:
                    md.append(f"- {label}, {who}: `{u}`")
        md.append("")
    versions = meta.get("versions") or {}
    if versions:
        md.append("Versions: " + "; ".join(f"{k} {v}" for k, v in versions.items()) + ".")
        md.append("")
    for n in notes:
        md.append(f"Note: {n}")
        md.append("")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(md).rstrip() + "\n")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("freeport").set_defaults(fn=freeport)
    p = sub.add_parser("wait-http")
    p.add_argument("url")
    p.add_argument("--header", action="append")
    p.add_argument("--timeout", type=float, default=600)
    p.add_argument("--interval", type=float, default=0.05)
    p.add_argument("--pid", type=int)
    p.set_defaults(fn=wait_http)
    p = sub.add_parser("probe")
    p.add_argument("url")
    p.add_argument("--header", action="append")
    p.add_argument("--save", help="write the response body here")
    p.set_defaults(fn=probe)
    p = sub.add_parser("ts-load")
    p.add_argument("--url", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--jsonl", required=True)
    p.add_argument("--batch", type=int, default=5000, help="documents per HTTP request")
    p.add_argument("--server-batch", type=int, default=1000, help="Typesense batch_size parameter")
    p.set_defaults(fn=ts_load)
    p = sub.add_parser("parse-wrk")
    p.add_argument("file")
    p.set_defaults(fn=parse_wrk)
    p = sub.add_parser("rss")
    p.add_argument("pid", type=int)
    p.set_defaults(fn=rss)
    p = sub.add_parser("run-measure")
    p.add_argument("--out", required=True)
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    p.set_defaults(fn=run_measure)
    p = sub.add_parser("quote")
    p.add_argument("text")
    p.set_defaults(fn=quote)
    p = sub.add_parser("pick-static")
    p.add_argument("--dir", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(fn=pick_static)
    p = sub.add_parser("report")
    p.add_argument("--size", type=int, required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(fn=report)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
