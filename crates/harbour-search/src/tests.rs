use super::*;
use harbour_domain::hsds::{Location, Organization, ServiceAtLocation};
use tantivy::query::Query as _;

fn shipped() -> Vec<Service> {
    let orgs: Vec<Organization> =
        serde_json::from_str(include_str!("../../../data/directory.json")).unwrap_or_default();
    orgs.into_iter().flat_map(|o| o.services).collect()
}

fn catalog(services: &[Service]) -> Catalog {
    let c = Catalog::new().expect("index");
    c.upsert(services.iter().map(|s| (s, "2026-11-01T00:00:00.000Z")))
        .expect("upsert");
    c
}

fn now() -> DateTime<Utc> {
    // a Monday, 10:00 UTC
    DateTime::parse_from_rfc3339("2026-11-30T10:00:00Z")
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_default()
}

fn names(services: &[Service], r: &Results) -> Vec<String> {
    r.hits
        .iter()
        .filter_map(|h| services.iter().find(|s| s.id == h.id))
        .map(|s| s.name.clone())
        .collect()
}

fn by_id(services: &[Service], id: Uuid) -> Service {
    services
        .iter()
        .find(|s| s.id == id)
        .cloned()
        .expect("known service")
}

fn q() -> Query {
    Query {
        limit: 50,
        ..Default::default()
    }
}

fn located(id: u128, name: &str, lat: f64, lon: f64, confidential: bool) -> Service {
    let p = harbour_domain::hsds::HarbourProfile {
        country: Some("AT".into()),
        ..Default::default()
    };
    Service {
        id: Uuid::from_u128(id),
        organization_id: Uuid::from_u128(1),
        name: name.into(),
        status: "active".into(),
        service_at_locations: vec![ServiceAtLocation {
            id: Uuid::from_u128(id + 1000),
            location: Some(Location {
                id: Uuid::from_u128(id + 2000),
                latitude: Some(lat),
                longitude: Some(lon),
                x_harbour_confidential: confidential,
                addresses: vec![harbour_domain::hsds::Address {
                    address_1: format!("Hidden street {id}"),
                    ..Default::default()
                }],
                ..Default::default()
            }),
            ..Default::default()
        }],
        x_harbour: Some(p),
        ..Default::default()
    }
}

#[test]
fn stemming_finds_other_word_forms_in_several_languages() {
    let c = catalog(&shipped());
    // "victimes" (fr, plural) matches France Victimes; "Opfern" (de, dative plural) matches "Opfer"
    let r = c
        .search(
            &Query {
                text: Some("victimes".into()),
                ..q()
            },
            now(),
        )
        .expect("search");
    assert!(r.total > 0);
    let r = c
        .search(
            &Query {
                text: Some("Opfern".into()),
                countries: vec![CountryCode::parse("DE").expect("cc")],
                ..q()
            },
            now(),
        )
        .expect("search");
    assert!(r.total > 0, "German stemming");
}

#[test]
fn spelling_mistakes_are_tolerated() {
    let c = catalog(&shipped());
    let exact = c
        .search(
            &Query {
                text: Some("Slachtofferhulp".into()),
                ..q()
            },
            now(),
        )
        .expect("search");
    let typo = c
        .search(
            &Query {
                text: Some("Slachtoferhulp".into()),
                ..q()
            },
            now(),
        )
        .expect("search");
    assert!(exact.total > 0);
    let top = exact.hits.first().map(|h| h.id).expect("a hit");
    assert!(
        typo.hits.iter().any(|h| h.id == top),
        "the typo still finds the record"
    );
    let nothing = c
        .search(
            &Query {
                text: Some("Qwxzvbnmlk".into()),
                ..q()
            },
            now(),
        )
        .expect("search");
    assert_eq!(nothing.total, 0);
}

#[test]
fn filters_combine() {
    let all = shipped();
    let c = catalog(&all);
    let es = CountryCode::parse("es").expect("cc");
    let r = c
        .search(
            &Query {
                countries: vec![es],
                ..q()
            },
            now(),
        )
        .expect("search");
    assert!(r.total >= 2);
    for h in &r.hits {
        let s = by_id(&all, h.id);
        let p = s.profile().expect("profile");
        assert!(p.country.as_deref() == Some("ES") || p.area_countries.iter().any(|a| a == "ES"));
    }
    let helplines = c
        .search(
            &Query {
                countries: vec![es],
                support: vec!["helpline".into()],
                free: true,
                ..q()
            },
            now(),
        )
        .expect("search");
    assert!(helplines.total <= r.total);
    for h in &helplines.hits {
        let s = by_id(&all, h.id);
        assert!(s.term_codes("support").any(|t| t == "helpline") && s.is_free());
    }
    let none = c
        .search(
            &Query {
                countries: vec![es],
                crime: vec!["no_such_code".into()],
                ..q()
            },
            now(),
        )
        .expect("search");
    assert_eq!(none.total, 0);
}

#[test]
fn around_the_clock_and_open_now() {
    let c = catalog(&shipped());
    let h24 = c
        .search(
            &Query {
                hours24: true,
                ..q()
            },
            now(),
        )
        .expect("search");
    assert!(h24.total > 5);
    let open = c
        .search(
            &Query {
                open_now: true,
                limit: 1000,
                ..q()
            },
            now(),
        )
        .expect("search");
    // everything around the clock is open now, and everything open now has known hours
    assert!(open.total >= h24.total);
    for h in &open.hits {
        assert_eq!(c.open_state(&h.id, now()), OpenState::Open);
    }
    // at 03:00 on a Sunday only round-the-clock services are open
    let night = DateTime::parse_from_rfc3339("2026-11-29T02:00:00Z")
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_default();
    let open_night = c
        .search(
            &Query {
                open_now: true,
                limit: 1000,
                ..q()
            },
            night,
        )
        .expect("search");
    assert!(open_night.total < open.total);
}

#[test]
fn distance_ranking_and_area_coverage() {
    let mut services = vec![
        located(10, "Graz office", 47.07, 15.44, false),
        located(20, "Vienna office", 48.21, 16.37, false),
        located(30, "Linz office", 48.31, 14.29, false),
    ];
    let mut national = located(40, "Nationwide line", 0.0, 0.0, false);
    national.service_at_locations.clear();
    if let Some(p) = national.x_harbour.as_mut() {
        p.area_countries = vec!["AT".into()];
    }
    services.push(national);
    let c = catalog(&services);
    let vienna = (48.2082, 16.3738);
    let at = CountryCode::parse("AT").ok();
    let r = c
        .search(
            &Query {
                near: Some(vienna),
                near_country: at,
                ..q()
            },
            now(),
        )
        .expect("search");
    // Graz is about 145 km from Vienna, Linz about 155 km
    assert_eq!(
        names(&services, &r),
        vec![
            "Nationwide line",
            "Vienna office",
            "Graz office",
            "Linz office"
        ]
    );
    assert!(r
        .hits
        .get(1)
        .and_then(|h| h.distance_km)
        .is_some_and(|d| d < 1.0));
    // a radius keeps the nationwide line and drops what is too far
    let r = c
        .search(
            &Query {
                near: Some(vienna),
                near_country: at,
                radius_km: Some(150.0),
                ..q()
            },
            now(),
        )
        .expect("search");
    assert_eq!(
        names(&services, &r),
        vec!["Nationwide line", "Vienna office", "Graz office"]
    );
}

#[test]
fn confidential_locations_are_not_used_for_distance() {
    let c = catalog(&[
        located(50, "Shelter", 48.2, 16.3, true),
        located(60, "Office", 48.3, 16.4, false),
    ]);
    assert_eq!(c.facts(&Uuid::from_u128(60)), Some(Facts::default()));
    // the shelter's point is not used for distance (it cannot be located by ranking)
    let r = c
        .search(
            &Query {
                near: Some((48.2, 16.3)),
                ..q()
            },
            now(),
        )
        .expect("search");
    let shelter_hit = r
        .hits
        .iter()
        .find(|h| h.id == Uuid::from_u128(50))
        .expect("listed");
    assert!(shelter_hit.distance_km.is_none());
}

#[test]
fn updates_replace_and_removals_disappear() {
    let c = catalog(&[located(70, "Old name", 48.0, 16.0, false)]);
    let mut renamed = located(70, "Brand new name", 48.0, 16.0, false);
    renamed.description = Some("zebra".into());
    c.upsert([(&renamed, "2026-11-02T00:00:00.000Z")])
        .expect("upsert");
    assert_eq!(c.len(), 1);
    assert_eq!(
        c.search(
            &Query {
                text: Some("zebra".into()),
                ..q()
            },
            now()
        )
        .expect("s")
        .total,
        1
    );
    assert_eq!(
        c.search(
            &Query {
                text: Some("old".into()),
                ..q()
            },
            now()
        )
        .expect("s")
        .total,
        0
    );
    c.remove(&[Uuid::from_u128(70)]).expect("remove");
    assert_eq!(c.search(&q(), now()).expect("s").total, 0);
}

#[test]
fn pagination_is_stable_and_complete() {
    let c = catalog(&shipped());
    let all = c
        .search(
            &Query {
                limit: 1000,
                sort: Sort::Name,
                ..q()
            },
            now(),
        )
        .expect("s");
    let mut paged = Vec::new();
    for page in 0..(all.total / 20 + 1) {
        let r = c
            .search(
                &Query {
                    limit: 20,
                    offset: page * 20,
                    sort: Sort::Name,
                    ..q()
                },
                now(),
            )
            .expect("s");
        assert_eq!(r.total, all.total);
        paged.extend(r.hits.into_iter().map(|h| h.id));
    }
    assert_eq!(paged, all.hits.iter().map(|h| h.id).collect::<Vec<_>>());
}

/// A deterministic pseudo-random sequence in [0, 1) (a linear congruential generator).
fn uniform(mut seed: u64) -> impl FnMut() -> f64 {
    move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The services `keep` accepts, nearest to `point` first, with their distances.
fn brute_force_nearest(
    services: &[Service],
    point: (f64, f64),
    keep: impl Fn(&Service) -> bool,
) -> Vec<(f64, Uuid)> {
    let mut v: Vec<(f64, Uuid)> = services
        .iter()
        .filter(|s| keep(s))
        .map(|s| {
            (
                distance_km(point, s.public_points().next().expect("point")),
                s.id,
            )
        })
        .collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    v
}

#[test]
fn nearest_first_matches_a_brute_force_ranking() {
    // 400 services on a deterministic pseudo-random spread over Europe
    let mut next = uniform(42);
    let services: Vec<Service> = (0..400u128)
        .map(|i| {
            located(
                10_000 + i * 10,
                &format!("S{i}"),
                36.0 + next() * 30.0,
                -9.0 + next() * 40.0,
                false,
            )
        })
        .collect();
    let c = catalog(&services);
    for point in [
        (48.2, 16.37),
        (40.4, -3.7),
        (60.17, 24.94),
        (37.98, 23.72),
        (52.23, 21.01),
    ] {
        for offset in [0, 10] {
            let r = c
                .search(
                    &Query {
                        near: Some(point),
                        limit: 10,
                        offset,
                        ..q()
                    },
                    now(),
                )
                .expect("search");
            assert_eq!(r.total, 400);
            let expect = brute_force_nearest(&services, point, |_| true);
            let want: Vec<Uuid> = expect.iter().skip(offset).take(10).map(|e| e.1).collect();
            let got: Vec<Uuid> = r.hits.iter().map(|h| h.id).collect();
            assert_eq!(got, want, "near {point:?} offset {offset}");
        }
    }
}

#[test]
fn nearest_first_in_a_dense_city_matches_a_brute_force_ranking() {
    // A dense city (so that the smallest boxes already fill a page), a few services around it,
    // and a spread over Europe; searched with and without a text filter, on several pages.
    let mut next = uniform(7);
    let madrid = (40.4168, -3.7038);
    let mut services: Vec<Service> = Vec::new();
    for i in 0..600u128 {
        let (lat, lon) = match i % 3 {
            0 | 1 => (
                madrid.0 + (next() - 0.5) * 0.3,
                madrid.1 + (next() - 0.5) * 0.4,
            ),
            _ => (35.0 + next() * 30.0, -10.0 + next() * 40.0),
        };
        let name = if i % 4 == 0 {
            format!("Halcyon {i}")
        } else {
            format!("S{i}")
        };
        services.push(located(100_000 + i * 10, &name, lat, lon, false));
    }
    let c = catalog(&services);
    for point in [madrid, (40.45, -3.6), (41.39, 2.17), (48.2, 16.37)] {
        for text in [None, Some("halcyon")] {
            for offset in [0, 10, 95] {
                let r = c
                    .search(
                        &Query {
                            text: text.map(str::to_string),
                            near: Some(point),
                            limit: 10,
                            offset,
                            ..q()
                        },
                        now(),
                    )
                    .expect("search");
                let expect = brute_force_nearest(&services, point, |s| {
                    text.is_none() || s.name.starts_with("Halcyon")
                });
                assert_eq!(r.total, expect.len(), "total near {point:?} {text:?}");
                let want: Vec<Uuid> = expect.iter().skip(offset).take(10).map(|e| e.1).collect();
                let got: Vec<Uuid> = r.hits.iter().map(|h| h.id).collect();
                assert_eq!(got, want, "near {point:?} {text:?} offset {offset}");
                for (h, e) in r.hits.iter().zip(expect.iter().skip(offset)) {
                    let d = h.distance_km.expect("distance");
                    assert!((d - e.0).abs() < 1e-6, "distance {d} vs {}", e.0);
                }
            }
        }
    }
}

proptest::proptest! {
    /// Every point within the radius lies in one of the cells that cover the box.
    #[test]
    fn cells_cover_every_point_within_the_radius(
        lat in -80.0f64..80.0,
        lon in -170.0f64..170.0,
        radius in 0.5f64..4000.0,
        bearing in 0.0f64..360.0,
        frac in 0.0f64..=1.0,
    ) {
        // the point at distance frac·radius in direction `bearing` (great-circle destination)
        let d = frac * radius / 6371.0;
        let (p1, l1, b) = (lat.to_radians(), lon.to_radians(), bearing.to_radians());
        let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * b.cos()).asin();
        let l2 = l1 + (b.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
        let target = (p2.to_degrees(), l2.to_degrees());
        proptest::prop_assume!((-180.0..180.0).contains(&target.1));
        if let Some(cells) = query::cells_covering((lat, lon), radius) {
            let level: usize = cells[0].split('/').next().and_then(|l| l.parse().ok()).unwrap_or(99);
            let size = query::CELL_DEGREES[level];
            let want = query::cell_term(level, size, target.0, target.1);
            proptest::prop_assert!(cells.contains(&want), "{want} not in {cells:?}");
        }
    }
}

const FACET_COUNTRIES: [&str; 5] = ["AT", "DE", "ES", "PL", "FR"];
const FACET_SUPPORT: [&str; 4] = ["helpline", "legal_advice", "shelter", "emotional"];
const FACET_LANGUAGES: [&str; 4] = ["en", "pl", "de", "es"];

fn pick<'a>(next: &mut (impl FnMut() -> f64 + ?Sized), from: &[&'a str], p: f64) -> Vec<&'a str> {
    from.iter().copied().filter(|_| next() < p).collect()
}

fn faceted(id: u128, next: &mut impl FnMut() -> f64) -> Service {
    let one = |next: &mut dyn FnMut() -> f64, from: &[&str]| {
        from[((next() * from.len() as f64) as usize).min(from.len() - 1)].to_string()
    };
    let p = harbour_domain::hsds::HarbourProfile {
        country: Some(one(next, &FACET_COUNTRIES)),
        area_countries: pick(next, &FACET_COUNTRIES, 0.1)
            .into_iter()
            .map(str::to_string)
            .collect(),
        free_of_charge: Some(next() < 0.5),
        ..Default::default()
    };
    let attributes = pick(next, &FACET_SUPPORT, 0.4)
        .into_iter()
        .map(|code| harbour_domain::hsds::Attribute {
            taxonomy_term: harbour_domain::hsds::TaxonomyTerm {
                code: Some(code.into()),
                taxonomy: Some(harbour_domain::taxonomy::SUPPORT.into()),
                ..Default::default()
            },
            ..Default::default()
        })
        .collect();
    let languages = pick(next, &FACET_LANGUAGES, 0.4)
        .into_iter()
        .map(|code| harbour_domain::hsds::Language {
            code: Some(code.into()),
            ..Default::default()
        })
        .collect();
    let name = if next() < 0.3 {
        format!("Halcyon {id}")
    } else {
        format!("S{id}")
    };
    Service {
        id: Uuid::from_u128(id),
        organization_id: Uuid::from_u128(1),
        name,
        status: "active".into(),
        attributes,
        languages,
        x_harbour: Some(p),
        ..Default::default()
    }
}

/// Whether `s` passes the facet filters and text of `q`, evaluated directly on the service.
fn passes(q: &Query, s: &Service) -> bool {
    let p = s.profile().cloned().unwrap_or_default();
    let country = q.countries.is_empty()
        || q.countries.iter().any(|c| {
            p.country.as_deref() == Some(c.as_str())
                || p.area_countries.iter().any(|a| a == c.as_str())
        });
    let support = q.support.is_empty()
        || s.term_codes(harbour_domain::taxonomy::SUPPORT)
            .any(|t| q.support.iter().any(|w| w == t));
    let language = q.languages.is_empty()
        || s.language_codes()
            .any(|l| q.languages.iter().any(|w| w == l));
    let text = q
        .text
        .as_deref()
        .is_none_or(|t| s.name.to_lowercase().contains(t));
    country && support && language && (!q.free || s.is_free()) && text
}

#[test]
fn facet_filters_match_a_direct_evaluation_across_updates_and_removals() {
    let mut next = uniform(11);
    let mut services: Vec<Service> = (0..500u128)
        .map(|i| faceted(50_000 + i, &mut next))
        .collect();
    let c = catalog(&services);
    let check = |c: &Catalog, services: &[Service], next: &mut dyn FnMut() -> f64, round: &str| {
        for k in 0..60 {
            let mut g = || next();
            let group = |g: &mut dyn FnMut() -> f64, from: &[&str]| -> Vec<String> {
                if g() < 0.5 {
                    return Vec::new();
                }
                let mut v: Vec<String> = pick(g, from, 0.35)
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                if v.is_empty() {
                    v.push(from[k % from.len()].to_string());
                }
                v
            };
            let query = Query {
                countries: group(&mut g, &FACET_COUNTRIES)
                    .iter()
                    .filter_map(|c| CountryCode::parse(c).ok())
                    .collect(),
                support: group(&mut g, &FACET_SUPPORT),
                languages: group(&mut g, &FACET_LANGUAGES),
                free: g() < 0.3,
                text: (g() < 0.3).then(|| "halcyon".to_string()),
                sort: Sort::Name,
                limit: 1000,
                ..Default::default()
            };
            let r = c.search(&query, now()).expect("search");
            let mut got: Vec<Uuid> = r.hits.iter().map(|h| h.id).collect();
            got.sort();
            let mut want: Vec<Uuid> = services
                .iter()
                .filter(|s| passes(&query, s))
                .map(|s| s.id)
                .collect();
            want.sort();
            assert_eq!(r.total, want.len(), "{round}: total of {query:?}");
            assert_eq!(got, want, "{round}: services of {query:?}");
        }
    };
    check(&c, &services, &mut next, "first load");
    // Change the facets of every third service (new segments, old documents deleted) and
    // remove every tenth: the cached bitsets of older segments must not bring them back.
    for s in services.iter_mut().step_by(3) {
        let id = s.id.as_u128();
        *s = faceted(id, &mut next);
    }
    let changed: Vec<Service> = services.iter().step_by(3).cloned().collect();
    c.upsert(changed.iter().map(|s| (s, "2026-11-02T00:00:00.000Z")))
        .expect("upsert");
    let removed: Vec<Uuid> = services.iter().step_by(10).map(|s| s.id).collect();
    c.remove(&removed).expect("remove");
    services.retain(|s| !removed.contains(&s.id));
    check(&c, &services, &mut next, "after changes");
    c.optimize().expect("merge");
    check(&c, &services, &mut next, "after merging");
}

/// Ranks "online" among 400 names, one in `polish_every` in Polish (no stemmer: the term
/// "online") and the others in English (stemmed: "onlin"), some with the word twice, of
/// different lengths, some of them then removed: the word is a union of two terms with varied
/// scores and many ties (`removed_every`: one in that many removed, 0 none). Every page must be
/// exactly the matches in order of score, ties in document order, as scoring every match gives
/// them, and the count exact.
fn ranked_matches_are_the_best_scored(polish_every: u128, removed_every: u128) {
    let mut next = uniform(5 + polish_every as u64);
    let services: Vec<Service> = (0..400u128)
        .map(|i| {
            let lang = if i % polish_every == 0 { "pl" } else { "en" };
            let filler = "pomoc help ".repeat((next() * 6.0) as usize);
            let word = match i % 5 {
                0 => "online online",
                1 | 2 => "online",
                _ => "offline",
            };
            // Some also have a Polish description with the word: both forms in one document.
            // Some of those descriptions are long, so that the rarer form's own score is low
            // and only with the stem's share does the document reach the top.
            let description = (i % 11 == 4).then(|| {
                let long = if i % 2 == 0 { 40 } else { 0 };
                format!("{}online", "pomoc ".repeat(long))
            });
            let p = harbour_domain::hsds::HarbourProfile {
                country: Some("PL".into()),
                field_languages: [
                    ("name".to_string(), lang.to_string()),
                    ("description".to_string(), "pl".to_string()),
                ]
                .into(),
                ..Default::default()
            };
            Service {
                id: Uuid::from_u128(70_000 + i),
                organization_id: Uuid::from_u128(1),
                name: format!("{filler}{word} {i}"),
                description,
                status: "active".into(),
                x_harbour: Some(p),
                ..Default::default()
            }
        })
        .collect();
    let c = catalog(&services);
    let gone: Vec<Uuid> = (0..400u128)
        .filter(|i| removed_every > 0 && i % removed_every == 1)
        .map(|i| Uuid::from_u128(70_000 + i))
        .collect();
    c.remove(&gone).expect("remove");
    let want_total = services
        .iter()
        .filter(|s| (s.name.contains("online") || s.description.is_some()) && !gone.contains(&s.id))
        .count();
    let searcher = c.reader.searcher();
    let cols = c.columns_of(&searcher).expect("columns");
    let query = Query {
        text: Some("Online".into()),
        ..q()
    };
    let tq = query::build(&c.index, &searcher, &c.fields, &cols, &query, false);
    // Every match scored, without any pruning.
    let weight = tq
        .weight(tantivy::query::EnableScoring::enabled_from_searcher(
            &searcher,
        ))
        .expect("weight");
    let mut every: Vec<(f32, DocAddress)> = Vec::new();
    for (ord, seg) in searcher.segment_readers().iter().enumerate() {
        weight
            .for_each(seg, &mut |doc, score| {
                if seg.alive_bitset().is_none_or(|a| a.is_alive(doc)) {
                    every.push((score, DocAddress::new(ord as u32, doc)));
                }
            })
            .expect("for_each");
    }
    every.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    assert_eq!(every.len(), want_total);
    let store = c.store.read().expect("store");
    let id_of = |addr: DocAddress| -> Uuid {
        let seg = searcher.segment_reader(addr.segment_ord);
        let slot = cols[&seg.segment_id()].slot.get_val(addr.doc_id);
        store.slots[slot as usize].expect("slot")
    };
    let every: Vec<(f32, Uuid)> = every.into_iter().map(|(s, a)| (s, id_of(a))).collect();
    drop(store);
    for offset in [0, 7, 40, 90] {
        let r = c
            .search(
                &Query {
                    limit: 10,
                    offset,
                    ..query.clone()
                },
                now(),
            )
            .expect("search");
        assert_eq!(r.total, want_total);
        let got: Vec<(f32, Uuid)> = r.hits.iter().map(|h| (h.score, h.id)).collect();
        let want: Vec<(f32, Uuid)> = every.iter().skip(offset).take(10).copied().collect();
        assert_eq!(got, want, "offset {offset}");
        for h in &r.hits {
            let s = by_id(&services, h.id);
            assert!(s.name.contains("online") || s.description.is_some());
        }
    }
}

#[test]
fn ranked_text_results_are_the_best_scored_matches() {
    // Two forms of similar weight: block-max WAND over both.
    ranked_matches_are_the_best_scored(3, 0);
    ranked_matches_are_the_best_scored(3, 7);
}

#[test]
fn ranked_text_results_with_one_dominant_form_are_the_best_scored_matches() {
    // "onlin" in eight of nine texts: the two-pass ranking (the other form's documents in
    // full, then the dominant form alone).
    ranked_matches_are_the_best_scored(9, 0);
    ranked_matches_are_the_best_scored(9, 7);
    ranked_matches_are_the_best_scored(40, 5);
}

proptest::proptest! {
    /// Walking a bitset (advancing and seeking) visits exactly its documents, in order.
    #[test]
    fn bitset_documents_are_visited_in_order(
        docs in proptest::collection::btree_set(0u32..700, 0..120),
        seeks in proptest::collection::vec(0u32..720, 0..20),
    ) {
        use tantivy::DocSet;
        let sorted: Vec<u32> = docs.iter().copied().collect();
        let set = || bits::BitsDocSet::new(std::sync::Arc::new(bits::Bits::from_docs(700, &sorted)));
        let mut walk = set();
        let mut seen = Vec::new();
        while walk.doc() != tantivy::TERMINATED {
            seen.push(walk.doc());
            walk.advance();
        }
        proptest::prop_assert_eq!(&seen, &sorted);
        proptest::prop_assert_eq!(set().size_hint() as usize, sorted.len());
        let mut seeking = set();
        let mut seeks = seeks;
        seeks.sort();
        for t in seeks {
            let before = seeking.doc();
            let got = seeking.seek(t);
            let want = if t <= before {
                before
            } else {
                sorted.iter().copied().find(|&d| d >= t).unwrap_or(tantivy::TERMINATED)
            };
            proptest::prop_assert_eq!(got, want, "seek {} from {}", t, before);
        }
    }
}
