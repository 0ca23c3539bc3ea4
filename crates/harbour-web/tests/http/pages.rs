//! Public pages: language, content, safety headers, weight.

use crate::support::TestApp;
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use tower::ServiceExt;

const PAGES: [&str; 7] = [
    "/{l}/",
    "/{l}/support",
    "/{l}/countries",
    "/{l}/countries/es",
    "/{l}/safety",
    "/{l}/support/f1000000-0000-4000-8000-000000000011",
    "/{l}/countries/xk",
];
const LOCALES: [&str; 11] = [
    "en", "fr", "de", "es", "it", "pl", "nl", "pt", "ro", "uk", "ar",
];

#[tokio::test]
async fn root_negotiates_the_language() {
    let app = TestApp::new().await;
    let r = app
        .get_with("/", "accept-language", "pl-PL,pl;q=0.9,en;q=0.8")
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), "/pl/");
    let r = app
        .get_with("/", "accept-language", "sv-SE, ar;q=0.5")
        .await;
    assert_eq!(r.header("location"), "/ar/");
    assert_eq!(app.get("/").await.header("location"), "/en/");
    assert_eq!(app.get("/xx/").await.status, 404);
}

#[tokio::test]
async fn every_page_in_every_locale_is_translated_safe_and_has_quick_exit() {
    let app = TestApp::new().await;
    let en_title = app.get("/en/").await.body;
    for l in LOCALES {
        for p in PAGES {
            let uri = p.replace("{l}", l);
            let r = app.get(&uri).await;
            assert_eq!(r.status, 200, "{uri}");
            assert!(
                r.body.contains(&format!(
                    "<html lang=\"{l}\" dir=\"{}\">",
                    if l == "ar" { "rtl" } else { "ltr" }
                )),
                "{uri}"
            );
            assert!(
                r.body.contains("id=\"quick-exit\""),
                "{uri} lacks quick exit"
            );
            assert!(
                r.body.contains("href=\"/exit\""),
                "{uri}: quick exit must work without JavaScript"
            );
            // the switcher keeps the page
            let rest = uri.trim_start_matches(&format!("/{l}"));
            assert!(
                r.body.contains(&format!("href=\"/uk{rest}\"")),
                "{uri} switcher"
            );
            let csp = r.header("content-security-policy");
            assert!(
                !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"),
                "{uri}: {csp}"
            );
            assert_eq!(r.header("referrer-policy"), "no-referrer");
            assert!(r.headers.get("set-cookie").is_none(), "{uri} sets a cookie");
            assert!(
                !r.body.contains("http://") || !r.body.contains("<script src=\"http"),
                "{uri} loads from another host"
            );
            assert!(!r.body.contains("<link rel=\"stylesheet\" href=\"http"));
        }
        if l != "en" {
            assert_ne!(
                app.get(&format!("/{l}/")).await.body,
                en_title,
                "{l} home is not translated"
            );
        }
    }
}

#[tokio::test]
async fn home_shows_the_emergency_numbers_of_the_chosen_country_first() {
    let app = TestApp::new().await;
    // the country chooser posts (the country stays out of the address)
    let r = app.post_form("/en/", "country=at").await;
    let emergency = r.body.find("class=\"emergency\"").expect("emergency box");
    let search = r.body.find("id=\"search-h\"").expect("search");
    assert!(emergency < search);
    assert!(r.body.contains("href=\"tel:112\""));
    assert!(
        r.body.contains("href=\"tel:133\""),
        "Austria's police number"
    );
    // 116 006: operating in Austria, not in Spain (VSE 2023)
    assert!(r.body.contains("116 006"));
    assert!(r.body.contains("<option value=\"AT\" selected>"));
    assert!(
        app.get("/en/?country=at").await.body.contains("tel:133"),
        "links with ?country keep working"
    );
    let es = app.get("/es/").await;
    assert!(es.body.contains("116 006"));
    assert_eq!(
        app.get("/en/?country=zz").await.status,
        200,
        "unknown country still shows 112"
    );
    assert_eq!(app.get("/en/?country=123").await.status, 400);
}

#[tokio::test]
async fn country_pages_use_lower_case_codes_and_show_what_is_unknown() {
    let app = TestApp::new().await;
    let r = app.get("/fr/countries/es").await;
    assert!(r.body.contains("Espagne"));
    assert!(
        r.body.contains("tel:016") || r.body.contains("016"),
        "Spain's 016 line"
    );
    assert_eq!(app.get("/fr/countries/ES").await.status, 404);
    assert_eq!(app.get("/fr/countries/zz").await.status, 404);
    // a country Harbour knows little about still has a page, with 112 and an honest note
    let by = app.get("/en/countries/by").await;
    assert_eq!(by.status, 200);
    assert!(by
        .body
        .contains("Harbour knows little about this country yet"));
    assert!(by.body.contains("We do not know whether 116 006 operates"));
}

#[tokio::test]
async fn service_page_shows_contact_hours_in_local_time_and_provenance() {
    let app = TestApp::new().await;
    let r = app
        .get("/en/support/f1000000-0000-4000-8000-000000000011")
        .await;
    assert_eq!(r.status, 200);
    // translated name in English, German original keeps its lang attribute elsewhere
    assert!(
        r.body
            .contains("<h1 lang=\"en\">Counselling centre Vienna Centre</h1>"),
        "{}",
        r.body
    );
    assert!(r.body.contains("href=\"tel:+4310000001\""));
    // Monday 10:00 UTC is 11:00 in Vienna: open
    assert!(r.body.contains("Open now"));
    assert!(r.body.contains("Times are local time in Europe/Vienna."));
    assert!(r
        .body
        .contains("Monday, Tuesday, Wednesday, Thursday, Friday: 09:00–17:00"));
    assert!(r.body.contains("Last verified: 2026-11-01"));
    assert!(r.body.contains("https://example.org/fixture"));
    assert!(r.body.contains("Polish"));
    assert!(r.body.contains("Step-free access"));
    assert!(r.body.contains("Stephansplatz 1"));
    // in Polish the text has no Polish translation: German original, marked as such
    let pl = app
        .get("/pl/support/f1000000-0000-4000-8000-000000000011")
        .await;
    assert!(pl
        .body
        .contains("<h1 lang=\"de\">Beratungsstelle Wien Mitte</h1>"));
    // the shelter: no address, a note, phone first
    let s = app
        .get("/en/support/f1000000-0000-4000-8000-000000000012")
        .await;
    assert!(s
        .body
        .contains("the address of this place is kept confidential"));
    assert!(!s.body.contains("Geheimgasse"));
    assert!(s.body.contains("Last verified: not known"));
    let missing = app
        .get("/de/support/00000000-0000-0000-0000-000000000000")
        .await;
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("DIRECTORY-0006"));
    assert!(missing.body.contains("lang=\"de\""));
}

#[tokio::test]
async fn cross_border_search_gives_both_countries_labelled_with_polish_speakers_first() {
    let app = TestApp::new().await;
    let r = app
        .search("pl", "crime_country=AT&residence_country=PL&speak=pl")
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("cache-control"), "no-store");
    let b = &r.body;
    let crime = b
        .find("id=\"sec-1\"")
        .expect("section for the country of the crime");
    let home = b
        .find("id=\"sec-2\"")
        .expect("section for the country of residence");
    assert!(crime < home);
    assert!(
        b.get(crime..home).unwrap_or("").contains("Austria")
            || b.get(crime..home).unwrap_or("").contains("Austri")
    );
    // the fixture office speaks Polish: it is the first Austrian card
    let first_card = b
        .get(crime..home)
        .and_then(|s| s.find("<li class=\"card\">").map(|i| &s[i..]))
        .expect("a card");
    assert!(
        first_card
            .get(..600)
            .unwrap_or("")
            .contains("Beratungsstelle Wien Mitte"),
        "{first_card}"
    );
    assert!(
        b.get(home..).unwrap_or("").contains("Niebieska"),
        "Polish services in the second section"
    );
}

#[tokio::test]
async fn the_search_form_is_posted_and_bad_input_gets_a_translated_error() {
    let app = TestApp::new().await;
    let form = app.get("/en/support").await;
    assert!(form.body.contains("method=\"post\""));
    let r = app.search("fr", "crime_country=Spain").await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("DIRECTORY-0001"));
    assert!(r.body.contains("lang=\"fr\""));
    // an unknown place is explained, not an error
    let r = app.search("en", "near=Atlantisville").await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("We could not find the place"));
    // near a city sorts the located office first after area-covering services
    let r = app.search("en", "near=Vienna").await;
    assert!(r.body.contains("Sorted by distance from"));
    // position (opt-in) is accepted from the form body
    let r = app.search("en", "lat=48.2&lon=16.37").await;
    assert!(r.body.contains("Sorted by distance from your position"));
    assert!(r.body.contains("Beratungsstelle Wien Mitte") || r.body.contains("Counselling centre"));
}

#[tokio::test]
async fn pagination_without_javascript() {
    let app = TestApp::new().await;
    let r = app.search("en", "q=").await;
    assert!(r.body.contains("Next page"));
    assert!(r.body.contains("name=\"page\" value=\"2\""));
    let p2 = app.search("en", "page=2").await;
    assert!(p2.body.contains("Page 2 of"));
    assert!(p2.body.contains("Previous page"));
}

#[tokio::test]
async fn open_now_and_24_hours_filters() {
    let app = TestApp::new().await;
    let all = app.get("/hsds/services?per_page=1").await.json()["total_items"]
        .as_u64()
        .unwrap_or(0);
    let open = app
        .get("/hsds/services?open_now=true&per_page=1")
        .await
        .json()["total_items"]
        .as_u64()
        .unwrap_or(0);
    let h24 = app
        .get("/hsds/services?hours24=true&per_page=1")
        .await
        .json()["total_items"]
        .as_u64()
        .unwrap_or(0);
    assert!(
        h24 > 0 && open >= h24 && open < all,
        "all {all}, open {open}, 24h {h24}"
    );
}

async fn gz_size(app: &TestApp, uri: &str) -> usize {
    let req = Request::get(uri)
        .header("accept-encoding", "gzip")
        .body(Body::empty())
        .expect("req");
    let res = app.router.clone().oneshot(req).await.expect("res");
    res.into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .len()
}

#[tokio::test]
async fn every_page_weighs_under_30_kb_with_its_css_and_script() {
    let app = TestApp::new().await;
    let assets = gz_size(&app, "/static/site.css").await + gz_size(&app, "/static/site.js").await;
    for l in ["en", "ar", "uk"] {
        for p in PAGES {
            let uri = p.replace("{l}", l);
            let total = gz_size(&app, &uri).await + assets;
            assert!(total < 30 * 1024, "{uri}: {total} bytes");
        }
    }
}

#[tokio::test]
async fn exit_page_is_neutral() {
    let app = TestApp::new().await;
    let r = app.get("/exit").await;
    assert_eq!(r.status, 200);
    assert!(!r.body.contains("Harbour") && !r.body.contains("victim"));
}

#[tokio::test]
async fn shipped_descriptions_appear_in_the_readers_language_marked_as_unreviewed() {
    let app = TestApp::new().await;
    let uri = "/{l}/support/ab1e82c2-68b6-5077-8ec2-32b4ae5cde8d"; // WEISSER RING Österreich
    let pl = app.get(&uri.replace("{l}", "pl")).await;
    assert!(pl.body.contains("<p lang=\"pl\">Największe"), "{}", pl.body);
    assert!(pl.body.contains("przetłumaczono z pomocą maszyny"));
    // the own-language name keeps its language
    assert!(pl
        .body
        .contains("<h1 lang=\"de\">WEISSER RING Österreich</h1>"));
    // English is the source text: no translation note
    let en = app.get(&uri.replace("{l}", "en")).await;
    assert!(!en.body.contains("machine help"));
}
