//! Demo data for `harbour serve --demo`: two fictional organisations in two countries, one
//! person per role, fictional cases. Never loaded without that flag; loading twice changes
//! nothing.

use chrono::{DateTime, Utc};
use harbour_domain::workspace::Role;
use sqlx::Row;

use crate::auth;
use crate::crypto::{self, MasterKey};
use crate::workspace::{self, Intake, Result};
use crate::Db;

/// A demo account, to print at start.
#[derive(Debug, Clone)]
pub struct DemoPerson {
    pub organization: String,
    pub role: Role,
    pub email: String,
    pub password: String,
    pub totp_secret: String,
}

const ORGS: [(&str, &str, &str); 2] = [
    ("Demo: Apoyo a Víctimas Ejemplo", "ES", "es"),
    ("Demo: Przykładowa Pomoc Ofiarom", "PL", "pl"),
];

const ROLES: [Role; 5] = [
    Role::Caseworker,
    Role::Supervisor,
    Role::OrgAdmin,
    Role::Volunteer,
    Role::NetworkCoordinator,
];

fn base32(bytes: &[u8]) -> String {
    match totp_rs::Secret::Raw(bytes.to_vec()).to_encoded() {
        totp_rs::Secret::Encoded(s) => s,
        totp_rs::Secret::Raw(_) => String::new(),
    }
}

/// Loads the demo once. Returns the accounts with fresh passwords and secrets each start (the
/// passwords and secrets of existing demo accounts are reset, so they can be printed).
pub async fn load(db: &Db, mk: &MasterKey, now: DateTime<Utc>) -> Result<Vec<DemoPerson>> {
    let mut people = Vec::new();
    for (name, country, tag) in ORGS {
        let existing = sqlx::query("SELECT id FROM ws_organizations WHERE name = $1")
            .bind(name)
            .fetch_optional(db.pool())
            .await?;
        let (org, fresh) = match existing {
            Some(r) => (r.try_get::<String, _>("id")?, false),
            None => (
                workspace::create_organization(db, mk, name, country, None, now).await?,
                true,
            ),
        };
        let mut caseworker = None;
        for role in ROLES {
            let email = format!("{}.{tag}@demo.invalid", role.key().replace('_', "-"));
            let password = format!("demo-{}", crypto::hex(&crypto::random_bytes::<6>()));
            let secret = base32(&crypto::random_bytes::<20>());
            let user = sqlx::query("SELECT id FROM users WHERE email = $1")
                .bind(&email)
                .fetch_optional(db.pool())
                .await?;
            let user_id = match user {
                Some(r) => {
                    let id: String = r.try_get("id")?;
                    workspace::set_password(db, &id, &password).await?;
                    id
                }
                None => {
                    let token = workspace::invite(db, &org, role, &email, None, now).await?;
                    workspace::accept_invitation(db, &token, &password, now).await?
                }
            };
            auth::enable_totp_with_secret(db, mk, &user_id, &secret).await?;
            if role == Role::Caseworker {
                caseworker = Some(user_id.clone());
            }
            people.push(DemoPerson {
                organization: name.to_string(),
                role,
                email,
                password,
                totp_secret: secret,
            });
        }
        if fresh {
            if let Some(cw) = caseworker {
                let actor = workspace::actor(db, &cw).await?;
                for (pseudonym, kind, narrative) in [
                    (
                        "Gaviota",
                        "robbery",
                        "Fictional: bag taken near the station; tourist, returns home next week.",
                    ),
                    (
                        "Olivo",
                        "domestic_violence",
                        "Fictional: partner violence; contact only by SMS on weekday mornings.",
                    ),
                    (
                        "Faro",
                        "fraud",
                        "Fictional: online fraud; wants help with the bank and the complaint.",
                    ),
                ] {
                    workspace::create_case(
                        db,
                        mk,
                        &actor,
                        &org,
                        &Intake {
                            pseudonym: pseudonym.into(),
                            narrative: Some(narrative.into()),
                            crime_kind: Some(kind.into()),
                            crime_country: Some(country.into()),
                            details: demo_details(kind),
                            ..Intake::default()
                        },
                        now,
                    )
                    .await?;
                }
            }
        }
    }
    Ok(people)
}

/// A fictional safe-contact profile that fits the kind of crime.
fn demo_details(kind: &str) -> harbour_domain::workspace::CaseDetails {
    use harbour_domain::workspace::CaseDetails;
    match kind {
        "domestic_violence" => CaseDetails {
            safe_channels: vec!["sms".into()],
            safe_times: "Weekday mornings, 9–11".into(),
            no_messages: true,
            who_may_answer: "Only the person herself".into(),
            household_knows: Some("no".into()),
            reported: Some("not_yet_decided".into()),
            ..Default::default()
        },
        "robbery" => CaseDetails {
            safe_channels: vec!["phone".into(), "email".into()],
            reported: Some("yes".into()),
            reported_where: "Local police, near the station".into(),
            languages: vec!["en".into()],
            ..Default::default()
        },
        _ => CaseDetails {
            safe_channels: vec!["phone".into()],
            household_knows: Some("yes".into()),
            reported: Some("yes".into()),
            ..Default::default()
        },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn base32_matches_rfc_4648() {
        assert_eq!(super::base32(b"foobar"), "MZXW6YTBOI");
        assert_eq!(super::base32(b"f"), "MY");
    }
}
