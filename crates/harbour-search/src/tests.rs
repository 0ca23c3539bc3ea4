use super::*;
use harbour_domain::hsds::{Location, Organization, ServiceAtLocation};

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

#[test]
fn nearest_first_matches_a_brute_force_ranking() {
    // 400 services on a deterministic pseudo-random spread over Europe
    let mut seed: u64 = 42;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
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
            let mut expect: Vec<(f64, Uuid)> = services
                .iter()
                .map(|s| {
                    (
                        distance_km(point, s.public_points().next().expect("point")),
                        s.id,
                    )
                })
                .collect();
            expect.sort_by(|a, b| a.0.total_cmp(&b.0));
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
    let mut seed: u64 = 7;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
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
                let mut expect: Vec<(f64, Uuid)> = services
                    .iter()
                    .filter(|s| text.is_none() || s.name.starts_with("Halcyon"))
                    .map(|s| {
                        (
                            distance_km(point, s.public_points().next().expect("point")),
                            s.id,
                        )
                    })
                    .collect();
                expect.sort_by(|a, b| a.0.total_cmp(&b.0));
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
