//! HSDS 3.0 objects as Harbour stores and serves them.
//!
//! Each struct names the HSDS fields Harbour reads; every other field an importer sends is kept
//! in `extra` and written back unchanged, so an export → import round trip is lossless.
//! Harbour's profile extension lives in `x_harbour` (see [`HarbourProfile`]); the HSDS compiled
//! schemas allow additional properties, so documents with it still validate.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use uuid::Uuid;

pub type Extra = Map<String, Value>;

macro_rules! hsds_object {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
        pub struct $name {
            pub id: Uuid,
            $($(#[$fm])* #[serde(default, skip_serializing_if = "Omit::omit")] pub $field: $ty,)*
            #[serde(flatten)]
            pub extra: Extra,
        }
    };
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// Which values are left out of HSDS output: absent options, empty lists, nil ids, false flags.
/// Strings are always written — HSDS requires several of them even when empty.
trait Omit {
    fn omit(&self) -> bool;
}

impl<T> Omit for Option<T> {
    fn omit(&self) -> bool {
        self.is_none()
    }
}

impl<T> Omit for Vec<T> {
    fn omit(&self) -> bool {
        self.is_empty()
    }
}

impl Omit for String {
    fn omit(&self) -> bool {
        false
    }
}

impl Omit for Uuid {
    fn omit(&self) -> bool {
        self.is_nil()
    }
}

impl Omit for TaxonomyTerm {
    fn omit(&self) -> bool {
        self.id.is_nil()
    }
}

impl Omit for bool {
    fn omit(&self) -> bool {
        !*self
    }
}

hsds_object!(
    /// An organization and everything it runs.
    Organization {
        name: String,
        alternate_name: Option<String>,
        description: String,
        email: Option<String>,
        website: Option<String>,
        phones: Vec<Phone>,
        locations: Vec<Location>,
        contacts: Vec<Contact>,
        attributes: Vec<Attribute>,
        metadata: Vec<Metadata>,
        services: Vec<Service>,
        x_harbour: Option<HarbourProfile>,
    }
);

hsds_object!(Service {
    organization_id: Uuid,
    name: String,
    alternate_name: Option<String>,
    description: Option<String>,
    url: Option<String>,
    email: Option<String>,
    status: String,
    application_process: Option<String>,
    fees_description: Option<String>,
    interpretation_services: Option<String>,
    phones: Vec<Phone>,
    schedules: Vec<Schedule>,
    service_areas: Vec<ServiceArea>,
    service_at_locations: Vec<ServiceAtLocation>,
    languages: Vec<Language>,
    cost_options: Vec<CostOption>,
    contacts: Vec<Contact>,
    attributes: Vec<Attribute>,
    metadata: Vec<Metadata>,
    organization: Option<Box<Value>>,
    x_harbour: Option<HarbourProfile>,
});

hsds_object!(Location {
    location_type: String,
    organization_id: Option<Uuid>,
    name: Option<String>,
    description: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    addresses: Vec<Address>,
    phones: Vec<Phone>,
    schedules: Vec<Schedule>,
    languages: Vec<Language>,
    accessibility: Vec<Accessibility>,
    attributes: Vec<Attribute>,
    metadata: Vec<Metadata>,
    /// Harbour's profile: a confidential location (a shelter). Its address and coordinates
    /// are kept on the server and never sent anywhere.
    x_harbour_confidential: bool,
});

hsds_object!(ServiceAtLocation {
    service_id: Option<Uuid>,
    location_id: Option<Uuid>,
    description: Option<String>,
    location: Option<Location>,
    phones: Vec<Phone>,
    schedules: Vec<Schedule>,
    contacts: Vec<Contact>,
    attributes: Vec<Attribute>,
    metadata: Vec<Metadata>,
});

hsds_object!(Address {
    location_id: Option<Uuid>,
    attention: Option<String>,
    address_1: String,
    address_2: Option<String>,
    city: String,
    region: Option<String>,
    state_province: String,
    postal_code: String,
    country: String,
    address_type: String,
});

hsds_object!(Phone {
    number: String,
    extension: Option<f64>,
    #[serde(rename = "type")]
    kind: Option<String>,
    description: Option<String>,
    languages: Vec<Language>,
    attributes: Vec<Attribute>,
    metadata: Vec<Metadata>,
});

hsds_object!(Schedule {
    service_id: Option<Uuid>,
    location_id: Option<Uuid>,
    valid_from: Option<String>,
    valid_to: Option<String>,
    freq: Option<String>,
    wkst: Option<String>,
    byday: Option<String>,
    opens_at: Option<String>,
    closes_at: Option<String>,
    timezone: Option<f64>,
    description: Option<String>,
    attributes: Vec<Attribute>,
    metadata: Vec<Metadata>,
});

hsds_object!(Language {
    name: Option<String>,
    code: Option<String>,
    note: Option<String>,
    attributes: Vec<Attribute>,
    metadata: Vec<Metadata>,
});

hsds_object!(ServiceArea {
    name: Option<String>,
    description: Option<String>,
    extent: Option<String>,
    extent_type: Option<String>,
    uri: Option<String>,
    attributes: Vec<Attribute>,
    metadata: Vec<Metadata>,
});

hsds_object!(Accessibility {
    location_id: Option<Uuid>,
    description: Option<String>,
    details: Option<String>,
    url: Option<String>,
});

hsds_object!(CostOption {
    service_id: Option<Uuid>,
    option: Option<String>,
    currency: Option<String>,
    amount: Option<f64>,
    amount_description: Option<String>,
    attributes: Vec<Attribute>,
    metadata: Vec<Metadata>,
});

hsds_object!(Contact {
    name: Option<String>,
    title: Option<String>,
    department: Option<String>,
    email: Option<String>,
    phones: Vec<Phone>,
});

hsds_object!(Taxonomy {
    name: String,
    description: String,
    uri: Option<String>,
    version: Option<String>,
});

hsds_object!(TaxonomyTerm {
    code: Option<String>,
    name: String,
    description: String,
    parent_id: Option<Uuid>,
    taxonomy: Option<String>,
    language: Option<String>,
    taxonomy_id: Option<Uuid>,
    term_uri: Option<String>,
});

hsds_object!(Attribute {
    link_id: Uuid,
    link_type: Option<String>,
    link_entity: String,
    value: Option<String>,
    taxonomy_term: TaxonomyTerm,
    metadata: Vec<Metadata>,
});

hsds_object!(Metadata {
    resource_id: Uuid,
    resource_type: String,
    last_action_date: String,
    last_action_type: String,
    field_name: String,
    previous_value: String,
    replacement_value: String,
    updated_by: String,
});

/// Harbour's HSDS profile extension, carried as `x_harbour` on organizations and services.
///
/// HSDS has no way to say "this text in that language", where a record comes from, or that an
/// address must stay private; this object says it. See docs/HSDS-PROFILE.md.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct HarbourProfile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// national | regional | local
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Countries whose whole territory the service covers (a nationwide helpline covers its own).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub area_countries: Vec<String>,
    /// IANA time zone of the schedules (HSDS's numeric offset cannot express summer time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub source_dates: BTreeMap<String, String>,
    /// YYYY-MM-DD; None means unknown, and is shown as unknown.
    #[serde(default)]
    pub last_verified: Option<String>,
    /// Language of each translatable base field: {"name": "pl", "description": "en"}.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub field_languages: BTreeMap<String, String>,
    /// language → {field → text} for name, description, application_process.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_of_charge: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vse_member: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpline_116006: Option<bool>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub confidential_location: bool,
    /// Accessibility features: step_free, sign_language, easy_read, hearing_loop, text_relay.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accessibility: Vec<String>,
    /// Key of the shipped record this came from; absent for imported records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed_key: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A translatable text with the language it is written in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Localized<'a> {
    pub text: &'a str,
    pub lang: &'a str,
}

pub const TRANSLATABLE: [&str; 3] = ["name", "description", "application_process"];

impl Service {
    pub fn profile(&self) -> Option<&HarbourProfile> {
        self.x_harbour.as_ref()
    }

    fn base_field(&self, field: &str) -> Option<&str> {
        match field {
            "name" => Some(self.name.as_str()),
            "description" => self.description.as_deref(),
            "application_process" => self.application_process.as_deref(),
            _ => None,
        }
        .filter(|s| !s.is_empty())
    }

    /// The text of `field` in `lang` where a translation exists, otherwise the base text with its
    /// own language (so pages can set the right `lang` attribute).
    pub fn localized<'a>(&'a self, field: &str, lang: &'a str) -> Option<Localized<'a>> {
        let p = self.profile();
        if let Some(t) = p
            .and_then(|p| p.translations.get(lang))
            .and_then(|m| m.get(field))
            .filter(|t| !t.is_empty())
        {
            return Some(Localized { text: t, lang });
        }
        let base_lang = p
            .and_then(|p| p.field_languages.get(field))
            .map(String::as_str)
            .unwrap_or("en");
        if base_lang == lang {
            return self.base_field(field).map(|text| Localized {
                text,
                lang: base_lang,
            });
        }
        // An English text is a better fallback than one in a third language, for the name only
        // when no translation in the reader's language exists.
        self.base_field(field).map(|text| Localized {
            text,
            lang: base_lang,
        })
    }

    /// Codes of the taxonomy terms of one taxonomy linked to this service.
    pub fn term_codes<'a>(&'a self, taxonomy: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.attributes.iter().filter_map(move |a| {
            let t = &a.taxonomy_term;
            if t.taxonomy.as_deref() == Some(taxonomy) {
                t.code.as_deref()
            } else {
                None
            }
        })
    }

    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().filter_map(|l| l.code.as_deref())
    }

    pub fn is_free(&self) -> bool {
        self.profile().and_then(|p| p.free_of_charge) == Some(true)
            || self.cost_options.iter().any(|c| c.amount == Some(0.0))
    }

    pub fn country(&self) -> Option<&str> {
        self.profile().and_then(|p| p.country.as_deref())
    }

    /// Locations Harbour may show (non-confidential ones), with their coordinates.
    pub fn public_points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.service_at_locations.iter().filter_map(|sal| {
            let loc = sal.location.as_ref()?;
            if loc.x_harbour_confidential {
                return None;
            }
            Some((loc.latitude?, loc.longitude?))
        })
    }

    /// Every point of the service, confidential ones included: used only on the server, for
    /// distance ranking, never rendered.
    pub fn all_points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.service_at_locations.iter().filter_map(|sal| {
            let loc = sal.location.as_ref()?;
            Some((loc.latitude?, loc.longitude?))
        })
    }
}

impl Location {
    /// The location as it may leave the server: a confidential one loses its addresses,
    /// coordinates and any free text that could carry them.
    pub fn redacted(&self) -> Location {
        if !self.x_harbour_confidential {
            return self.clone();
        }
        Location {
            id: self.id,
            location_type: self.location_type.clone(),
            organization_id: self.organization_id,
            name: self.name.clone(),
            description: None,
            latitude: None,
            longitude: None,
            addresses: Vec::new(),
            phones: self.phones.clone(),
            schedules: self.schedules.clone(),
            languages: self.languages.clone(),
            accessibility: Vec::new(),
            attributes: self.attributes.clone(),
            metadata: Vec::new(),
            x_harbour_confidential: true,
            extra: Extra::new(),
        }
    }
}

impl Service {
    /// The service as it may leave the server (confidential locations redacted).
    pub fn redacted(&self) -> Service {
        let mut s = self.clone();
        for sal in &mut s.service_at_locations {
            if let Some(loc) = &sal.location {
                if loc.x_harbour_confidential {
                    sal.location = Some(loc.redacted());
                    sal.description = None;
                }
            }
        }
        s
    }
}

impl Organization {
    pub fn redacted(&self) -> Organization {
        let mut o = self.clone();
        o.locations = o.locations.iter().map(Location::redacted).collect();
        o.services = o.services.iter().map(Service::redacted).collect();
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let v = serde_json::json!({
            "id": "5d4a1f2e-0000-4000-8000-000000000001",
            "name": "X", "description": "d", "tax_status": "charity",
            "services": [{"id": "5d4a1f2e-0000-4000-8000-000000000002", "name": "S",
                          "status": "active", "wait_time": "none"}]
        });
        let o: Organization = serde_json::from_value(v.clone()).unwrap_or_default();
        assert_eq!(o.extra.get("tax_status"), Some(&Value::from("charity")));
        let back = serde_json::to_value(&o).unwrap_or_default();
        assert_eq!(
            back.pointer("/services/0/wait_time"),
            Some(&Value::from("none"))
        );
    }

    #[test]
    fn confidential_location_loses_address_and_coordinates() {
        let loc = Location {
            id: Uuid::nil(),
            latitude: Some(48.2),
            longitude: Some(16.3),
            addresses: vec![Address {
                address_1: "Secret 1".into(),
                ..Default::default()
            }],
            x_harbour_confidential: true,
            ..Default::default()
        };
        let r = loc.redacted();
        assert!(r.latitude.is_none() && r.longitude.is_none() && r.addresses.is_empty());
        let json = serde_json::to_string(&r).unwrap_or_default();
        assert!(!json.contains("Secret") && !json.contains("48.2"));
    }

    #[test]
    fn localized_prefers_translation_then_base_with_its_language() {
        let mut p = HarbourProfile::default();
        p.field_languages.insert("name".into(), "pl".into());
        p.translations
            .entry("en".into())
            .or_default()
            .insert("name".into(), "Blue Line".into());
        let s = Service {
            name: "Niebieska Linia".into(),
            x_harbour: Some(p),
            ..Default::default()
        };
        assert_eq!(
            s.localized("name", "en"),
            Some(Localized {
                text: "Blue Line",
                lang: "en"
            })
        );
        assert_eq!(
            s.localized("name", "fr"),
            Some(Localized {
                text: "Niebieska Linia",
                lang: "pl"
            })
        );
        assert_eq!(s.localized("name", "pl").map(|l| l.lang), Some("pl"));
    }
}
