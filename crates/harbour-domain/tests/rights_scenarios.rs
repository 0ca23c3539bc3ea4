//! The navigator's table of scenarios (`content/tests/scenarios.json`) against the shipped
//! knowledge base. The same table runs through the HTTP API on both databases
//! (`harbour-web/tests/http/rights.rs`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

use std::path::{Path, PathBuf};

use harbour_domain::rights::{
    ContentSources, CrimeKind, Knowledge, Question, Route, SectionId, Situation, Stage,
};
use harbour_domain::{CountryCode, CountryProfile, Locale};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn files(dir: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(root().join(dir))
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            (
                p.file_name().unwrap().to_str().unwrap().to_string(),
                read(&p),
            )
        })
        .collect();
    v.sort();
    v
}

fn knowledge() -> Knowledge {
    let instruments = read(&root().join("content/instruments.json"));
    let rights = read(&root().join("content/rights.json"));
    let national = files("content/countries");
    let translations = files("content/i18n");
    let countries: Vec<CountryProfile> =
        serde_json::from_str(&read(&root().join("data/countries.json"))).expect("countries");
    Knowledge::parse(ContentSources {
        instruments: &instruments,
        rights: &rights,
        translations: translations
            .iter()
            .map(|(f, t)| {
                (
                    Locale::parse(f.trim_end_matches(".json")).expect("locale"),
                    t.as_str(),
                )
            })
            .collect(),
        national: national
            .iter()
            .map(|(f, t)| (f.as_str(), t.as_str()))
            .collect(),
        countries,
    })
    .expect("the shipped knowledge base is valid")
}

fn question(input: &Value) -> Question {
    let cc = |k: &str| CountryCode::parse(input[k].as_str().unwrap()).unwrap();
    let mut q = Question::new(cc("crime_country"), cc("residence_country"));
    q.crime_kind = input["crime_kind"]
        .as_str()
        .map(|s| CrimeKind::parse(s).unwrap());
    q.stage = input["stage"].as_str().map(|s| Stage::parse(s).unwrap());
    q.reported = input["reported"].as_bool();
    if let Some(a) = input["situation"].as_array() {
        q.situations = a
            .iter()
            .map(|s| Situation::parse(s.as_str().unwrap()).unwrap())
            .collect();
    }
    q
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn every_scenario_gets_the_rights_authorities_and_deadlines_it_should() {
    let k = knowledge();
    let table: Value =
        serde_json::from_str(&read(&root().join("content/tests/scenarios.json"))).unwrap();
    let scenarios = table["scenarios"].as_array().unwrap();
    assert!(scenarios.len() >= 40, "{} scenarios", scenarios.len());
    let mut failures = Vec::new();
    for s in scenarios {
        let name = s["name"].as_str().unwrap();
        let e = &s["expect"];
        let q = question(&s["input"]);
        let a = k.assess(&q, Locale::En);
        for id in strings(&e["present"]) {
            if !a.has_item(id) {
                failures.push(format!("{name}: {id} missing"));
            }
        }
        for id in strings(&e["absent"]) {
            if a.has_item(id) {
                failures.push(format!("{name}: {id} must not appear"));
            }
        }
        for id in strings(&e["notes"]) {
            if !a.has_note(id) {
                failures.push(format!("{name}: note {id} missing"));
            }
        }
        for id in strings(&e["absent_notes"]) {
            if a.has_note(id) {
                failures.push(format!("{name}: note {id} must not appear"));
            }
        }
        let c = &e["compensation"];
        let code = |v: &Value| v.as_str().map(|s| CountryCode::parse(s).unwrap());
        if c.get("route").is_some()
            && a.compensation.deciding_country != code(&c["deciding_country"])
        {
            failures.push(format!(
                "{name}: deciding {:?}",
                a.compensation.deciding_country
            ));
        }
        if a.compensation.assisting_country != code(&c["assisting_country"]) {
            failures.push(format!(
                "{name}: assisting {:?}",
                a.compensation.assisting_country
            ));
        }
        if let Some(route) = c["route"].as_str() {
            let got = serde_json::to_value(a.compensation.route).unwrap();
            if got != route {
                failures.push(format!("{name}: route {got}"));
            }
        }
        if let Some(m) = c["time_limit_months"].as_u64() {
            let got = a.compensation.time_limit.as_ref().and_then(|f| f.months);
            if got != Some(m as u32) {
                failures.push(format!("{name}: time limit {got:?}"));
            }
        }
        // every right carries its legal basis and a source
        for sec in &a.sections {
            for i in &sec.items {
                let is_right = matches!(i.content, harbour_domain::rights::Content::Right(_));
                if is_right && (i.legal_basis.is_empty() || i.sources.is_empty()) {
                    failures.push(format!("{name}: {} without basis or source", i.id));
                }
            }
        }
        assert_eq!(a.sections[0].id, SectionId::SafeNow, "{name}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_cross_border_assessment_sends_the_claim_home_and_lets_the_crime_state_decide() {
    let k = knowledge();
    let q = Question::new(
        CountryCode::parse("ES").unwrap(),
        CountryCode::parse("PL").unwrap(),
    );
    let a = k.assess(&q, Locale::Pl);
    assert_eq!(a.compensation.route, Route::CrossBorder);
    assert_eq!(a.contacts.len(), 2);
    // the same question gives the same answer
    assert_eq!(a, k.assess(&q, Locale::Pl));
}

#[test]
fn every_country_of_europe_gets_an_answer_and_unknowns_stay_unknown() {
    let k = knowledge();
    for cc in harbour_domain::country::EUROPE {
        for home in ["PL", cc] {
            let q = Question::new(
                CountryCode::parse(cc).unwrap(),
                CountryCode::parse(home).unwrap(),
            );
            let a = k.assess(&q, Locale::En);
            assert!(a.has_item(&format!("emergency-{}", cc.to_lowercase())));
            if a.compensation.time_limit.is_none() {
                assert!(
                    a.section(SectionId::NextSteps)
                        .unwrap()
                        .items
                        .iter()
                        .any(|i| i.key() == Some("step-deadline-unknown")),
                    "{cc}"
                );
            }
        }
    }
}

#[test]
fn every_right_is_translated_into_every_shipped_locale() {
    let k = knowledge();
    let missing: Vec<String> = Locale::ALL
        .into_iter()
        .filter(|l| *l != Locale::En)
        .flat_map(|l| {
            k.untranslated(l)
                .into_iter()
                .map(move |id| format!("{}: {id}", l.code()))
        })
        .collect();
    assert!(missing.is_empty(), "untranslated: {missing:?}");
}

#[test]
fn every_european_state_has_a_national_profile() {
    let k = knowledge();
    let missing: Vec<&str> = harbour_domain::country::EUROPE
        .into_iter()
        .filter(|c| k.national(CountryCode::parse(c).unwrap()).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "no content/countries file for {missing:?}"
    );
}
