#!/usr/bin/env python3
"""Synthetic Harbour directory for benchmarks.

Writes, for N services:
  * an HSDS 3.0 JSON file: a JSON array of organizations, each with its services (the Harbour
    profile in `x_harbour`), as `harbour import` reads it;
  * the same services as Typesense JSONL documents
    (id, name, description, country, support[], crime[], language[], free, location[lat, lon]);
  * a small JSON file of statistics: counts, sizes, and how many services each benchmark query
    should match (so results can be checked and compared).

Deterministic: the same --seed and --services give byte-identical files. Output is streamed
organization by organization, so memory stays flat at 1,000,000 services.

Usage:
  generate.py --services 10000 --out-json dir.json --out-jsonl ts.jsonl --stats stats.json
"""

import argparse
import json
import math
import os
import random
import re
import sys
import time
import uuid
from bisect import bisect_right
from itertools import accumulate

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import textbank as tb  # noqa: E402

ROOT = os.path.dirname(HERE)

# How many services carry the rare term, whatever the size of the directory.
RARE_COUNT = 25
# Query of the "filters only" class; the generator counts its matches.
FILTER = {"country": "ES", "support": "legal_advice", "language": "pl"}
WORD = re.compile(r"\w+")


def load_countries(path):
    with open(path, encoding="utf-8") as f:
        return {c["code"]: c for c in json.load(f)}


def load_places(path, countries):
    """Gazetteer rows of countries Harbour knows, as (name, cc, lat, lon, population, alts)."""
    places = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5 or cols[1] not in countries:
                continue
            alts = tuple(a for a in cols[5].split("|") if a) if len(cols) > 5 else ()
            places.append((cols[0], cols[1], float(cols[2]), float(cols[3]), int(cols[4] or 0), alts))
    return places


def load_terms(path):
    """code → HSDS taxonomy term (id, code, name, description, taxonomy) from the shipped file."""
    with open(path, encoding="utf-8") as f:
        taxonomies = json.load(f)
    terms = {}
    for t in taxonomies:
        for term in t.get("terms", []):
            terms[(t["code"], term["code"])] = {
                "id": term["id"],
                "code": term["code"],
                "name": term["name"],
                "description": term.get("description") or term["name"],
                "taxonomy": t["code"],
            }
    # Anything missing from the shipped file still gets a stable term.
    for tax, codes in (("support", tb.SUPPORT_CODES), ("crime", tb.CRIME_CODES), ("channel", tb.CHANNEL_CODES)):
        for code in codes:
            if (tax, code) not in terms:
                name = code.replace("_", " ").capitalize()
                terms[(tax, code)] = {
                    "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://harbour.example/taxonomies/{tax}/{code}")),
                    "code": code, "name": name, "description": name, "taxonomy": tax,
                }
    return terms


class Weighted:
    """Fast weighted choice over a fixed list."""

    def __init__(self, items, weights):
        self.items = list(items)
        self.cum = list(accumulate(weights))
        self.total = self.cum[-1]

    def pick(self, rng):
        return self.items[bisect_right(self.cum, rng.random() * self.total)]


# Probability that a service offers each kind of support / concerns each crime / uses a channel.
SUPPORT_P = {
    "emotional": 0.55, "legal_information": 0.45, "legal_advice": 0.30, "practical": 0.40,
    "psychological": 0.35, "court_accompaniment": 0.20, "shelter": 0.08, "helpline": 0.15,
    "online_chat": 0.0,  # set from the chat channel
    "compensation_help": 0.15, "restorative_justice": 0.05, "cross_border_referral": 0.06,
}
CRIME_W = {
    "general": 30, "domestic_violence": 22, "sexual_violence": 14, "child_victims": 9,
    "trafficking": 5, "hate_crime": 5, "terrorism": 2, "homicide_bereaved": 3,
    "road_traffic": 3, "cybercrime": 4, "fraud": 3,
}
CHANNEL_P = {"phone": 0.88, "chat": 0.45, "email": 0.65, "in_person": 0.75}
OPEN = ["08:00", "08:30", "09:00", "09:00", "10:00"]
CLOSE = ["16:00", "17:00", "17:00", "18:00", "19:00", "20:00"]


class Generator:
    def __init__(self, seed, places, countries, terms):
        self.rng = random.Random(seed)
        self.seed = seed
        self.countries = countries
        self.terms = terms
        self.places = places
        self.by_country = {}
        for p in places:
            self.by_country.setdefault(p[1], []).append(p)
        # Place weight: sqrt(population), halved outside the EU/EEA/UK/CH (Harbour's core area).
        core = {"eu", "eea"}
        weights = []
        for p in places:
            group = countries[p[1]].get("group", "other")
            boost = 1.0 if (group in core or p[1] in ("GB", "CH")) else 0.5
            weights.append(math.sqrt(max(p[4], 1)) * boost)
        self.place_pick = Weighted(places, weights)
        self.crime_pick = Weighted(list(CRIME_W), list(CRIME_W.values()))
        self.near_cache = {}

    def uid(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def place_name(self, place):
        """The place's name as the gazetteer gives it (its GeoNames name)."""
        return place[0]

    def text_language(self, cc):
        r = self.rng.random()
        # Services for migrants and refugees anywhere.
        if r < 0.04:
            return "ar"
        if r < 0.09 and cc != "UA":
            return "uk"
        if r < 0.13:
            return "en"
        if cc in tb.MIXED_TEXT_LANGUAGE:
            pairs = tb.MIXED_TEXT_LANGUAGE[cc]
            return Weighted([p[0] for p in pairs], [p[1] for p in pairs]).pick(self.rng)
        return tb.TEXT_LANGUAGE.get(cc, "en")

    def nearby(self, place):
        """A place among the 12 nearest to `place` in the same country (a branch office, a
        neighbouring town)."""
        return self.rng.choice(self.near(place))

    def near(self, place):
        key = id(place)
        near = self.near_cache.get(key)
        if near is None:
            cos = math.cos(math.radians(place[2]))
            others = [p for p in self.by_country[place[1]] if p is not place]
            others.sort(key=lambda p: (p[2] - place[2]) ** 2 + ((p[3] - place[3]) * cos) ** 2)
            near = self.near_cache[key] = others[:12] or [place]
        return near

    def phone(self, cc):
        r = self.rng
        return f"+{tb.DIAL_CODES.get(cc, 0)} {r.randint(100, 999)} {r.randint(100, 999)} {r.randint(100, 999)}"

    def organization(self, n_services, service_index):
        """One organization with n_services services. Returns (org dict, list of ts docs)."""
        r = self.rng
        home = self.place_pick.pick(r)
        cc = home[1]
        lang = self.text_language(cc)
        bank = tb.BANKS[lang]
        city = self.place_name(home)
        org_name = r.choice(bank["org"]).format(city=city)
        org_id = self.uid()
        org_crime = self.crime_pick.pick(r)
        org_supports = [bank["support"][c] for c in r.sample(["emotional", "legal_information", "practical", "psychological"], 2)]
        org_desc = " ".join([
            bank["s"]["intro"][0].format(org=org_name, crime=bank["crime"][org_crime], city=city,
                                         supports=f" {bank['and']} ".join(org_supports)),
            bank["s"]["no_report"],
            bank["s"]["referral"],
        ])
        services, docs = [], []
        for k in range(n_services):
            s, d = self.service(org_id, org_name, home, lang, service_index + k)
            services.append(s)
            docs.append(d)
        return {"id": org_id, "name": org_name, "description": org_desc, "services": services}, docs

    def service(self, org_id, org_name, home, lang, index):
        r = self.rng
        bank = tb.BANKS[lang]
        cc = home[1]
        place = home if r.random() < 0.6 else self.nearby(home)
        city = self.place_name(place)
        sid = self.uid()

        channels = [c for c in tb.CHANNEL_CODES if r.random() < CHANNEL_P[c]] or ["phone"]
        supports = [c for c in tb.SUPPORT_CODES if r.random() < SUPPORT_P[c]]
        if "chat" in channels:
            supports.append("online_chat")
        if not supports:
            supports = ["emotional"]
        supports.sort(key=tb.SUPPORT_CODES.index)
        crimes = {self.crime_pick.pick(r) for _ in range(r.choice((1, 1, 1, 2, 2, 3)))}
        crimes = sorted(crimes, key=tb.CRIME_CODES.index)

        local = tb.LOCAL_LANGUAGE.get(cc)
        spoken = [lang]
        base = tb.TEXT_LANGUAGE.get(cc)
        if base and base not in spoken:
            spoken.append(base)
        if local and local not in spoken and r.random() < 0.9:
            spoken.append(local)
        if "en" not in spoken and r.random() < 0.55:
            spoken.append("en")
        for code in ("fr", "de", "es", "it", "pl", "nl", "pt", "ro", "uk", "ar"):
            if code not in spoken and r.random() < 0.05:
                spoken.append(code)
        for code in tb.EXTRA_LANGUAGES:
            if code not in spoken and r.random() < 0.02:
                spoken.append(code)

        free = r.random() < 0.9
        has_location = not ("helpline" in supports and r.random() < 0.5) and r.random() > 0.03
        phone = self.phone(cc)
        near = self.near(place)
        p2, p3 = r.sample(near, 2) if len(near) > 1 else (near[0], near[0])

        # Name
        sup_title = bank["support"][supports[0]]
        sup_title = sup_title[:1].upper() + sup_title[1:]
        pattern = r.random()
        if pattern < 0.45:
            name = f"{sup_title} – {city}"
        elif pattern < 0.75:
            name = f"{org_name}: {bank['support'][supports[0]]}"
        else:
            name = f"{sup_title} ({org_name})"

        # Description
        s = bank["s"]
        sup_phrases = [bank["support"][c] for c in supports[:4]]
        if len(sup_phrases) > 1:
            sup_text = ", ".join(sup_phrases[:-1]) + f" {bank['and']} " + sup_phrases[-1]
        else:
            sup_text = sup_phrases[0]
        crime_text = bank["crime"][crimes[0]]
        sentences = [r.choice(s["intro"]).format(org=org_name, crime=crime_text, city=city, supports=sup_text)]
        if "phone" in channels:
            sentences.append(s["phone"].format(phone=phone))
        if "chat" in channels:
            sentences.append(s["chat"])
        if "email" in channels and r.random() < 0.7:
            sentences.append(s["email"])
        if "in_person" in channels and has_location:
            sentences.append(s["in_person"].format(city=city, place2=p2[0]))
            sentences.append(s["hours"].format(open=r.choice(OPEN), close=r.choice(CLOSE)))
        sentences.append(s["free"] if free else s["fee"])
        if r.random() < 0.5:
            sentences.append(s["no_report"])
        if r.random() < 0.4:
            sentences.append(s["area"].format(place2=p2[0], place3=p3[0]))
        if len(spoken) > 1 and r.random() < 0.6:
            sentences.append(s["langs"].format(langs=", ".join(tb.ENDONYMS.get(c, c) for c in spoken)))
        if r.random() < 0.3:
            sentences.append(s["referral"])
        if self.rare_stride and index % self.rare_stride == self.rare_stride // 2 and index < self.rare_limit:
            sentences.append(s["rare"].format(org=org_name))
        description = " ".join(sentences)

        attributes = []
        for tax, codes in (("support", supports), ("crime", crimes), ("channel", channels)):
            for code in codes:
                attributes.append({
                    "id": self.uid(), "link_id": sid, "link_entity": "service", "value": code,
                    "taxonomy_term": self.terms[(tax, code)],
                })

        sals = []
        location = None
        if has_location:
            # Within about 4 km of the place's centre.
            lat = round(place[2] + r.uniform(-0.035, 0.035), 5)
            lon = round(place[3] + r.uniform(-0.05, 0.05), 5)
            loc_id = self.uid()
            sals.append({
                "id": self.uid(), "service_id": sid, "location_id": loc_id,
                "location": {"id": loc_id, "location_type": "physical", "name": f"{org_name} – {city}",
                             "latitude": lat, "longitude": lon},
            })
            location = [lat, lon]

        service = {
            "id": sid,
            "organization_id": org_id,
            "name": name,
            "description": description,
            "status": "active",
            "phones": [{"id": self.uid(), "number": phone}] if "phone" in channels else [],
            "languages": [{"id": self.uid(), "code": c, "name": tb.ENGLISH_NAMES.get(c, c)} for c in spoken],
            "attributes": attributes,
            "service_at_locations": sals,
            "x_harbour": {
                "country": cc,
                "area_countries": [] if has_location else [cc],
                "timezone": self.countries[cc].get("timezone") or "Europe/Brussels",
                "sources": [f"https://example.org/sources/{index}"],
                "free_of_charge": free,
                "field_languages": {"name": lang, "description": lang},
            },
        }
        doc = {
            "id": sid, "name": name, "description": description, "country": cc,
            "support": supports, "crime": crimes, "language": spoken, "free": free,
        }
        if location:
            doc["location"] = location
        return service, doc


class ArrayFiles:
    """Writes organizations as one JSON array, or as several arrays of about `chunk` services
    each (PATH-0001.json, PATH-0002.json, ...), cut only between organizations."""

    def __init__(self, path, chunk):
        self.path, self.chunk = path, chunk
        self.paths = []
        self.f = None
        self.in_file = 0

    def _open(self):
        if self.chunk:
            stem = self.path[:-5] if self.path.endswith(".json") else self.path
            name = f"{stem}-{len(self.paths) + 1:04d}.json"
        else:
            name = self.path
        self.paths.append(name)
        self.f = open(name, "w", encoding="utf-8", newline="\n")
        self.f.write("[\n")
        self.in_file = 0

    def write(self, text, services):
        if self.f is None or (self.chunk and self.in_file >= self.chunk):
            self.close()
            self._open()
        elif self.in_file:
            self.f.write(",\n")
        self.f.write(text)
        self.in_file += services

    def close(self):
        if self.f is not None:
            self.f.write("\n]\n")
            self.f.close()
            self.f = None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--services", type=int, required=True)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--out-json", required=True, help="HSDS JSON array of organizations")
    ap.add_argument("--chunk-services", type=int, default=0,
                    help="split the HSDS JSON into files of about this many services "
                         "(OUT-0001.json, ...); 0 = one file")
    ap.add_argument("--out-jsonl", help="Typesense JSONL documents")
    ap.add_argument("--stats", help="statistics JSON")
    ap.add_argument("--gazetteer", default=os.path.join(ROOT, "data", "gazetteer.tsv"))
    ap.add_argument("--countries", default=os.path.join(ROOT, "data", "countries.json"))
    ap.add_argument("--taxonomies", default=os.path.join(ROOT, "data", "taxonomies.json"))
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    if a.services < 1:
        ap.error("--services must be at least 1")

    started = time.time()
    countries = load_countries(a.countries)
    places = load_places(a.gazetteer, countries)
    if not places:
        sys.exit(f"no usable places in {a.gazetteer}")
    terms = load_terms(a.taxonomies)
    g = Generator(a.seed, places, countries, terms)
    n = a.services
    g.rare_stride = max(1, n // RARE_COUNT)
    g.rare_limit = g.rare_stride * RARE_COUNT

    stats = {
        "services": n, "organizations": 0, "seed": a.seed, "with_location": 0,
        "rare_term": tb.RARE_TERM, "rare_matches": 0,
        "common_term": tb.COMMON_TERM, "common_matches": 0,
        "filter": FILTER, "filter_matches": 0,
        "text_languages": {}, "countries": {},
    }
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    writer = ArrayFiles(a.out_json, a.chunk_services)
    tsout = open(a.out_jsonl, "w", encoding="utf-8", newline="\n") if a.out_jsonl else None
    done = 0
    next_report = 100_000
    sizes = (1, 1, 1, 1, 2, 2, 2, 3, 4, 6)
    while done < n:
        k = min(n - done, g.rng.choice(sizes))
        org, docs = g.organization(k, done)
        writer.write(dumps(org), k)
        stats["organizations"] += 1
        lang = org["services"][0]["x_harbour"]["field_languages"]["name"]
        stats["text_languages"][lang] = stats["text_languages"].get(lang, 0) + k
        for d in docs:
            if tsout:
                tsout.write(dumps(d))
                tsout.write("\n")
            stats["countries"][d["country"]] = stats["countries"].get(d["country"], 0) + 1
            if "location" in d:
                stats["with_location"] += 1
            words = set(WORD.findall((d["name"] + " " + d["description"]).lower()))
            if tb.RARE_TERM in words:
                stats["rare_matches"] += 1
            if tb.COMMON_TERM in words:
                stats["common_matches"] += 1
            if (d["country"] == FILTER["country"] and FILTER["support"] in d["support"]
                    and FILTER["language"] in d["language"]):
                stats["filter_matches"] += 1
        done += k
        if not a.quiet and done >= next_report:
            print(f"  generated {done:,} services ({time.time() - started:.0f} s)", file=sys.stderr)
            next_report += 100_000
    writer.close()
    if tsout:
        tsout.close()
    stats["json_files"] = writer.paths
    stats["json_bytes"] = sum(os.path.getsize(p) for p in writer.paths)
    if a.out_jsonl:
        stats["jsonl_bytes"] = os.path.getsize(a.out_jsonl)
    stats["seconds"] = round(time.time() - started, 1)
    stats["countries"] = dict(sorted(stats["countries"].items(), key=lambda kv: -kv[1]))
    stats["text_languages"] = dict(sorted(stats["text_languages"].items(), key=lambda kv: -kv[1]))
    if a.stats:
        with open(a.stats, "w", encoding="utf-8") as f:
            json.dump(stats, f, ensure_ascii=False, indent=1)
            f.write("\n")
    if not a.quiet:
        print(f"  {n:,} services in {stats['organizations']:,} organizations, "
              f"{stats['json_bytes'] / 1e6:.1f} MB HSDS JSON, {stats['seconds']} s", file=sys.stderr)


if __name__ == "__main__":
    main()
