//! Distances and the offline gazetteer of European places (GeoNames, CC BY 4.0).

use crate::CountryCode;

/// Great-circle distance in kilometres.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// Accepts a browser position only inside plausible bounds.
pub fn valid_point(lat: f64, lon: f64) -> bool {
    lat.is_finite()
        && lon.is_finite()
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    pub country: CountryCode,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// The gazetteer, most populous place first. Its ~100,000 folded names (with the alternate
/// names in many languages) are kept as one string and a sorted table pointing into it, not as
/// a map of separately allocated strings: the same lookups in a fifth of the memory.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Every distinct (folded name, place) pair's name, concatenated.
    text: String,
    /// (start in `text`, length, index into `places`), sorted by name, then by place (so the
    /// most populous place of a name comes first).
    names: Vec<(u32, u32, u32)>,
}

/// Lower-case and strip the most common Latin diacritics so "Kraków", "krakow" and "KRAKOW" meet.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        let r = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
            'ł' | 'ľ' | 'ĺ' | 'ļ' => 'l',
            'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'ō' => 'o',
            'ř' | 'ŕ' => 'r',
            'ś' | 'š' | 'ş' | 'ș' | 'ß' => 's',
            'ť' | 'ţ' | 'ț' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' | 'ū' | 'ų' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            '’' => '\'',
            c => c,
        };
        out.push(r);
    }
    out
}

impl Gazetteer {
    /// Parses the shipped TSV: name, country, latitude, longitude, population, alternates (`|`).
    /// Lines starting with `#` are comments; malformed lines are skipped and counted.
    pub fn parse(tsv: &str) -> (Gazetteer, usize) {
        let mut places = Vec::new();
        let mut keys: Vec<(String, u32)> = Vec::new();
        let mut bad = 0;
        for line in tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let f: Vec<&str> = line.split('\t').collect();
            let place = (|| {
                let [name, cc, lat, lon, pop, alts] = f.as_slice() else {
                    return None;
                };
                let place = Place {
                    name: (*name).to_string(),
                    country: CountryCode::parse(cc).ok()?,
                    lat: lat.parse().ok()?,
                    lon: lon.parse().ok()?,
                    population: pop.parse().ok()?,
                };
                Some((place, alts.split('|').filter(|a| !a.is_empty())))
            })();
            match place {
                Some((p, alts)) => {
                    let idx = u32::try_from(places.len()).unwrap_or(u32::MAX);
                    keys.extend(
                        std::iter::once(fold(&p.name))
                            .chain(alts.map(fold))
                            .map(|k| (k, idx)),
                    );
                    places.push(p);
                }
                None => bad += 1,
            }
        }
        keys.sort();
        keys.dedup();
        let mut text = String::with_capacity(keys.iter().map(|(k, _)| k.len()).sum());
        let mut names = Vec::with_capacity(keys.len());
        for (k, idx) in keys {
            let start = u32::try_from(text.len()).unwrap_or(u32::MAX);
            text.push_str(&k);
            names.push((start, u32::try_from(k.len()).unwrap_or(0), idx));
        }
        (
            Gazetteer {
                places,
                text,
                names,
            },
            bad,
        )
    }

    fn name_at(&self, e: &(u32, u32, u32)) -> &str {
        let start = e.0 as usize;
        self.text.get(start..start + e.1 as usize).unwrap_or("")
    }

    /// Indexes of the places with this folded name, most populous first.
    fn places_named<'a>(&'a self, key: &'a str) -> impl Iterator<Item = usize> + 'a {
        let from = self.names.partition_point(|e| self.name_at(e) < key);
        self.names
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(move |e| self.name_at(e) == key)
            .map(|e| e.2 as usize)
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The most populous place with this name, preferring the given country when there is one.
    pub fn find(&self, name: &str, prefer: Option<CountryCode>) -> Option<&Place> {
        let key = fold(name.split(',').next().unwrap_or(name));
        let pick = prefer
            .and_then(|cc| {
                self.places_named(&key)
                    .find(|i| self.places.get(*i).map(|p| p.country) == Some(cc))
            })
            .or_else(|| self.places_named(&key).next())?;
        self.places.get(pick)
    }

    /// Places whose name starts with `prefix` (for the city list), most populous first.
    pub fn suggest(&self, prefix: &str, limit: usize) -> Vec<&Place> {
        let key = fold(prefix);
        if key.chars().count() < 2 {
            return Vec::new();
        }
        self.places
            .iter()
            .filter(|p| fold(&p.name).starts_with(&key))
            .take(limit)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TSV: &str = "# comment\nKraków\tPL\t50.0614\t19.9366\t755050\tCracow|Krakau|Краків\nValencia\tES\t39.4698\t-0.3774\t814208\tValència\nValencia\tVE\t10.16\t-68.0\t1385223\t\nbroken line\n";

    #[test]
    fn finds_by_any_name_and_prefers_country() {
        let (g, bad) = Gazetteer::parse(TSV);
        assert_eq!(bad, 1);
        assert_eq!(g.find("krakow", None).map(|p| p.population), Some(755050));
        assert_eq!(
            g.find("Краків", None).map(|p| p.name.as_str()),
            Some("Kraków")
        );
        assert_eq!(
            g.find("Valencia", CountryCode::parse("ES").ok())
                .map(|p| p.lat),
            Some(39.4698)
        );
        assert!(g.find("Atlantis", None).is_none());
    }

    #[test]
    fn a_name_shared_by_places_picks_the_most_populous_unless_a_country_is_preferred() {
        let tsv = "Big\tDE\t1\t1\t900\tShared|Zed\nMid\tFR\t2\t2\t500\tShared\nSmall\tAT\t3\t3\t100\tshared|SHARED|Aaa\n";
        let (g, bad) = Gazetteer::parse(tsv);
        assert_eq!((g.len(), bad), (3, 0));
        assert_eq!(g.find("shared", None).map(|p| p.name.as_str()), Some("Big"));
        assert_eq!(
            g.find("Shared", CountryCode::parse("AT").ok())
                .map(|p| p.name.as_str()),
            Some("Small")
        );
        assert_eq!(
            g.find("Shared", CountryCode::parse("PL").ok())
                .map(|p| p.name.as_str()),
            Some("Big")
        );
        assert_eq!(g.find("aaa", None).map(|p| p.name.as_str()), Some("Small"));
        assert_eq!(g.find("zed", None).map(|p| p.name.as_str()), Some("Big"));
        assert!(g.find("share", None).is_none());
        assert!(g.find("sharedx", None).is_none());
    }

    #[test]
    fn distances() {
        let madrid = (40.4168, -3.7038);
        let warsaw = (52.2297, 21.0122);
        let d = distance_km(madrid, warsaw);
        assert!((2280.0..2300.0).contains(&d), "{d}");
        assert!(distance_km(madrid, madrid) < 1e-9);
    }

    proptest! {
        #[test]
        fn distance_is_symmetric_and_bounded(a in -90.0f64..90.0, b in -180.0f64..180.0,
                                             c in -90.0f64..90.0, d in -180.0f64..180.0) {
            let x = distance_km((a, b), (c, d));
            let y = distance_km((c, d), (a, b));
            prop_assert!((x - y).abs() < 1e-6);
            prop_assert!((0.0..=20016.0).contains(&x));
        }
        #[test]
        fn parse_never_panics(s in "\\PC{0,200}") {
            let _ = Gazetteer::parse(&s);
        }
    }
}
