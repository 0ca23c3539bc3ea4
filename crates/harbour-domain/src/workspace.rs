//! The workspace's roles and who may see what. Pure rules, tested over every role × own/other
//! organisation; the database layer asks them before it decrypts anything.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Volunteer,
    Caseworker,
    Supervisor,
    OrgAdmin,
    ReferralContact,
    /// Works across organisations and never sees case data.
    NetworkCoordinator,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Volunteer,
        Role::Caseworker,
        Role::Supervisor,
        Role::OrgAdmin,
        Role::ReferralContact,
        Role::NetworkCoordinator,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Role::Volunteer => "volunteer",
            Role::Caseworker => "caseworker",
            Role::Supervisor => "supervisor",
            Role::OrgAdmin => "org_admin",
            Role::ReferralContact => "referral_contact",
            Role::NetworkCoordinator => "network_coordinator",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == s)
    }

    /// Roles that can see case data must use two-factor authentication.
    pub fn sees_case_data(self) -> bool {
        !matches!(self, Role::NetworkCoordinator)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// One role a person holds in one organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub organization: String,
    pub role: Role,
}

/// What is being asked of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseAccess {
    Read,
    Write,
    Create,
}

/// Whether a person with `memberships` may do `access` on a case of `case_org` assigned to
/// `assigned` (the person's own id is `me`). Nobody outside the organisation may, the network
/// coordinator included; volunteers only on cases assigned to them; caseworkers on cases
/// assigned to them or unassigned; supervisors and organisation admins on every case of their
/// organisation; referral points of contact create (intake) but do not read other cases.
pub fn may_access_case(
    memberships: &[Membership],
    me: &str,
    case_org: &str,
    assigned: Option<&str>,
    access: CaseAccess,
) -> bool {
    memberships
        .iter()
        .filter(|m| m.organization == case_org)
        .any(|m| match (m.role, access) {
            (Role::NetworkCoordinator, _) => false,
            (Role::Supervisor | Role::OrgAdmin, _) => true,
            (Role::Caseworker, CaseAccess::Create) => true,
            (Role::Caseworker, _) => assigned.is_none_or(|a| a == me),
            (Role::Volunteer, CaseAccess::Create) => false,
            (Role::Volunteer, _) => assigned == Some(me),
            (Role::ReferralContact, CaseAccess::Create) => true,
            (Role::ReferralContact, _) => false,
        })
}

/// Organisation admins read their organisation's audit log; nobody else does.
pub fn may_read_audit(memberships: &[Membership], org: &str) -> bool {
    memberships
        .iter()
        .any(|m| m.organization == org && m.role == Role::OrgAdmin)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(org: &str, role: Role) -> Vec<Membership> {
        vec![Membership {
            organization: org.into(),
            role,
        }]
    }

    #[test]
    fn the_authorisation_matrix() {
        use CaseAccess::*;
        // (role, own organisation?, assigned: none / me / other, access) → allowed
        for role in Role::ALL {
            for own in [true, false] {
                for assigned in [None, Some("me"), Some("other")] {
                    for access in [Read, Write, Create] {
                        let m = member(if own { "A" } else { "B" }, role);
                        let got = may_access_case(&m, "me", "A", assigned, access);
                        let want = own
                            && match role {
                                Role::NetworkCoordinator => false,
                                Role::Supervisor | Role::OrgAdmin => true,
                                Role::Caseworker => access == Create || assigned != Some("other"),
                                Role::Volunteer => access != Create && assigned == Some("me"),
                                Role::ReferralContact => access == Create,
                            };
                        assert_eq!(
                            got, want,
                            "{role} own={own} assigned={assigned:?} {access:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn only_org_admins_read_their_audit_log() {
        for role in Role::ALL {
            assert_eq!(
                may_read_audit(&member("A", role), "A"),
                role == Role::OrgAdmin
            );
            assert!(!may_read_audit(&member("B", role), "A"));
        }
        assert!(!Role::NetworkCoordinator.sees_case_data());
        assert_eq!(Role::parse("org_admin"), Some(Role::OrgAdmin));
    }
}

/// The individual needs assessment (Directive 2012/29/EU Art. 22 and the network's standards):
/// personal characteristics, the kind and circumstances of the crime, protection needs and the
/// special measures they call for (Arts 23–24), and support needs by domain. Each re-assessment
/// is a new version; earlier versions stay readable.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedsAssessment {
    /// e.g. child, disability, language, dependence_on_offender, residence_abroad
    #[serde(default)]
    pub characteristics: Vec<String>,
    /// e.g. violence, sexual, hate, terrorism, trafficking, close_relationship, organised
    #[serde(default)]
    pub circumstances: Vec<String>,
    /// low, medium or high
    #[serde(default)]
    pub risk: Option<String>,
    /// e.g. adapted_room, trained_interviewer, same_interviewer, same_gender,
    /// avoid_visual_contact, remote_hearing, closed_hearing, recorded_interview
    #[serde(default)]
    pub measures: Vec<String>,
    /// domain (safety, emotional, practical, legal, financial, health, information, housing)
    /// → none, some or high
    #[serde(default)]
    pub support: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub notes: String,
}

pub const CHARACTERISTICS: [&str; 6] = [
    "child",
    "disability",
    "language",
    "dependence_on_offender",
    "residence_abroad",
    "repeat_victimisation",
];
pub const CIRCUMSTANCES: [&str; 7] = [
    "violence",
    "sexual",
    "hate",
    "terrorism",
    "trafficking",
    "close_relationship",
    "organised",
];
pub const MEASURES: [&str; 8] = [
    "adapted_room",
    "trained_interviewer",
    "same_interviewer",
    "same_gender",
    "avoid_visual_contact",
    "remote_hearing",
    "closed_hearing",
    "recorded_interview",
];
pub const DOMAINS: [&str; 8] = [
    "safety",
    "emotional",
    "practical",
    "legal",
    "financial",
    "health",
    "information",
    "housing",
];
pub const LEVELS: [&str; 3] = ["none", "some", "high"];
pub const RISKS: [&str; 3] = ["low", "medium", "high"];

impl NeedsAssessment {
    /// Keeps only known values, so that nothing arbitrary is stored.
    pub fn validated(mut self) -> Result<NeedsAssessment, String> {
        let known = |list: &[&str], v: &Vec<String>, what: &str| -> Result<(), String> {
            match v.iter().find(|x| !list.contains(&x.as_str())) {
                Some(x) => Err(format!("{what}: unknown value {x:?}")),
                None => Ok(()),
            }
        };
        known(&CHARACTERISTICS, &self.characteristics, "characteristics")?;
        known(&CIRCUMSTANCES, &self.circumstances, "circumstances")?;
        known(&MEASURES, &self.measures, "measures")?;
        if let Some(r) = &self.risk {
            if !RISKS.contains(&r.as_str()) {
                return Err(format!("risk: unknown value {r:?}"));
            }
        }
        for (d, l) in &self.support {
            if !DOMAINS.contains(&d.as_str()) || !LEVELS.contains(&l.as_str()) {
                return Err(format!("support: unknown {d:?}={l:?}"));
            }
        }
        if self.notes.chars().count() > 5000 {
            return Err("notes: at most 5000 characters".into());
        }
        self.characteristics.sort();
        self.characteristics.dedup();
        self.circumstances.sort();
        self.circumstances.dedup();
        self.measures.sort();
        self.measures.dedup();
        Ok(self)
    }

    /// What changed from `before` to `self`, as (field, before, after) lines.
    pub fn diff(&self, before: &NeedsAssessment) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        let list = |v: &Vec<String>| v.join(", ");
        for (name, a, b) in [
            (
                "characteristics",
                &before.characteristics,
                &self.characteristics,
            ),
            ("circumstances", &before.circumstances, &self.circumstances),
            ("measures", &before.measures, &self.measures),
        ] {
            if a != b {
                out.push((name.to_string(), list(a), list(b)));
            }
        }
        if before.risk != self.risk {
            out.push((
                "risk".into(),
                before.risk.clone().unwrap_or_default(),
                self.risk.clone().unwrap_or_default(),
            ));
        }
        for d in DOMAINS {
            let a = before.support.get(d).cloned().unwrap_or_default();
            let b = self.support.get(d).cloned().unwrap_or_default();
            if a != b {
                out.push((format!("support.{d}"), a, b));
            }
        }
        if before.notes != self.notes {
            out.push(("notes".into(), before.notes.clone(), self.notes.clone()));
        }
        out
    }
}

/// Channels a victim can be reached on safely.
pub const CHANNELS: [&str; 7] = [
    "phone",
    "sms",
    "email",
    "letter",
    "in_person",
    "video",
    "chat",
];
/// Whether the people the victim lives with know about the contact with the service.
pub const HOUSEHOLD: [&str; 4] = ["yes", "no", "partly", "alone"];
/// Whether the crime was reported.
pub const REPORTED: [&str; 3] = ["yes", "no", "not_yet_decided"];

/// What intake records besides the names: the safe-contact profile, when and where the crime
/// happened, whether and where it was reported, languages and the need of an interpreter. All
/// of it is sealed at rest as one value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CaseDetails {
    /// Channels on which contact is safe (CHANNELS).
    pub safe_channels: Vec<String>,
    /// When contact is safe, in the caseworker's words ("weekdays 9–12").
    pub safe_times: String,
    /// Never leave a message (voicemail, letter, text).
    pub no_messages: bool,
    /// Who may answer or be spoken to.
    pub who_may_answer: String,
    /// HOUSEHOLD, or `None` when not asked.
    pub household_knows: Option<String>,
    /// When it happened: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (often only roughly known).
    pub crime_date: String,
    /// Region or city where it happened.
    pub crime_region: String,
    /// REPORTED, or `None` when not asked.
    pub reported: Option<String>,
    /// Where it was reported (which police, which country).
    pub reported_where: String,
    /// Languages the victim speaks, in order of preference.
    pub languages: Vec<String>,
    /// An interpreter is needed.
    pub interpreter: bool,
}

impl CaseDetails {
    /// Checks every value; an error names the field and says what is expected.
    pub fn validated(mut self) -> Result<CaseDetails, (&'static str, String)> {
        if let Some(c) = self
            .safe_channels
            .iter()
            .find(|c| !CHANNELS.contains(&c.as_str()))
        {
            return Err(("safe_channels", format!("unknown channel {c:?}")));
        }
        self.safe_channels.sort_by_key(|c| {
            CHANNELS
                .iter()
                .position(|x| x == c)
                .unwrap_or(CHANNELS.len())
        });
        self.safe_channels.dedup();
        for (field, v, max) in [
            ("safe_times", &mut self.safe_times, 300),
            ("who_may_answer", &mut self.who_may_answer, 300),
            ("crime_region", &mut self.crime_region, 200),
            ("reported_where", &mut self.reported_where, 300),
            ("crime_date", &mut self.crime_date, 10),
        ] {
            *v = v.trim().to_string();
            if v.chars().count() > max {
                return Err((field, format!("at most {max} characters")));
            }
        }
        if let Some(h) = &self.household_knows {
            if !HOUSEHOLD.contains(&h.as_str()) {
                return Err((
                    "household_knows",
                    format!("one of {}", HOUSEHOLD.join(", ")),
                ));
            }
        }
        if let Some(r) = &self.reported {
            if !REPORTED.contains(&r.as_str()) {
                return Err(("reported", format!("one of {}", REPORTED.join(", "))));
            }
        }
        if !self.crime_date.is_empty() && !rough_date(&self.crime_date) {
            return Err(("crime_date", "YYYY, YYYY-MM or YYYY-MM-DD".into()));
        }
        self.languages = self
            .languages
            .iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if self.languages.len() > 10 || self.languages.iter().any(|l| l.chars().count() > 40) {
            return Err((
                "languages",
                "at most 10 languages of at most 40 characters".into(),
            ));
        }
        Ok(self)
    }

    pub fn is_empty(&self) -> bool {
        *self == CaseDetails::default()
    }

    /// What a logged contact breaks in this profile: `channel_not_safe` (we reached out on a
    /// channel the profile does not list as safe, when it lists any) and `message_left` (a
    /// message was left although the profile says not to).
    pub fn contact_conflicts(
        &self,
        channel: &str,
        direction: &str,
        outcome: &str,
    ) -> Vec<&'static str> {
        let mut out = Vec::new();
        if direction == "outgoing"
            && !self.safe_channels.is_empty()
            && !self.safe_channels.iter().any(|c| c == channel)
        {
            out.push("channel_not_safe");
        }
        if outcome == "message_left" && self.no_messages {
            out.push("message_left");
        }
        out
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, each a real year, month or day.
fn rough_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => {
            num(y, 4)
                && num(m, 2)
                && chrono::NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").is_ok()
        }
        [_, _, _] => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok(),
        _ => false,
    }
}

#[cfg(test)]
mod details_tests {
    use super::*;

    #[test]
    fn details_keep_known_values_and_name_the_bad_field() {
        let d = CaseDetails {
            safe_channels: vec!["sms".into(), "phone".into(), "sms".into()],
            crime_date: "2026-10".into(),
            languages: vec![" pl ".into(), "".into()],
            ..Default::default()
        }
        .validated()
        .unwrap_or_default();
        assert_eq!(d.safe_channels, vec!["phone", "sms"]);
        assert_eq!(d.languages, vec!["pl"]);
        for (bad, field) in [
            (
                CaseDetails {
                    safe_channels: vec!["pigeon".into()],
                    ..Default::default()
                },
                "safe_channels",
            ),
            (
                CaseDetails {
                    crime_date: "2026-13".into(),
                    ..Default::default()
                },
                "crime_date",
            ),
            (
                CaseDetails {
                    crime_date: "last week".into(),
                    ..Default::default()
                },
                "crime_date",
            ),
            (
                CaseDetails {
                    household_knows: Some("maybe".into()),
                    ..Default::default()
                },
                "household_knows",
            ),
            (
                CaseDetails {
                    reported: Some("perhaps".into()),
                    ..Default::default()
                },
                "reported",
            ),
        ] {
            assert_eq!(bad.validated().map_err(|e| e.0), Err(field));
        }
        for ok in ["2026", "2026-02", "2024-02-29"] {
            assert!(rough_date(ok), "{ok}");
        }
        for no in ["26", "2026-2", "2025-02-29", "2026-01-01-01"] {
            assert!(!rough_date(no), "{no}");
        }
    }
}

#[cfg(test)]
mod assessment_tests {
    use super::*;

    #[test]
    fn validation_keeps_known_values_and_diff_lists_changes() {
        let a = NeedsAssessment {
            characteristics: vec!["child".into(), "child".into()],
            risk: Some("medium".into()),
            support: [("safety".to_string(), "high".to_string())].into(),
            ..Default::default()
        }
        .validated()
        .expect("valid");
        assert_eq!(a.characteristics, vec!["child"]);
        let b = NeedsAssessment {
            risk: Some("high".into()),
            measures: vec!["remote_hearing".into()],
            ..a.clone()
        };
        let d = b.diff(&a);
        assert_eq!(
            d,
            vec![
                ("measures".into(), "".into(), "remote_hearing".into()),
                ("risk".into(), "medium".into(), "high".into())
            ]
        );
        assert!(NeedsAssessment {
            measures: vec!["torture".into()],
            ..Default::default()
        }
        .validated()
        .is_err());
    }
}

/// Courses that gate work with cases.
pub const COURSES: [&str; 4] = ["basic", "sexual_violence", "trafficking", "child_victims"];

/// One training record of a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Training {
    pub course: String,
    pub completed_on: chrono::NaiveDate,
    pub expires_on: Option<chrono::NaiveDate>,
}

/// Why a person cannot be assigned a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAssignable {
    /// No valid record of this course.
    Missing(&'static str),
    /// The course was done but has lapsed on this date.
    Lapsed(&'static str, chrono::NaiveDate),
    /// The role cannot hold cases (referral contact, network coordinator).
    Role,
}

/// The specialist course a kind of crime needs, besides basic training.
pub fn specialist_course(crime_kind: Option<&str>) -> Option<&'static str> {
    match crime_kind {
        Some("sexual_violence") => Some("sexual_violence"),
        Some("trafficking") => Some("trafficking"),
        _ => None,
    }
}

/// Access follows training: valid basic training for any case, the matching specialist
/// training for sexual violence and trafficking cases (and child victims when the case is a
/// child's). A lapsed course suspends assignment and says since when.
pub fn may_be_assigned(
    roles: &[Role],
    trainings: &[Training],
    crime_kind: Option<&str>,
    child: bool,
    today: chrono::NaiveDate,
) -> Result<(), NotAssignable> {
    if !roles.iter().any(|r| {
        matches!(
            r,
            Role::Volunteer | Role::Caseworker | Role::Supervisor | Role::OrgAdmin
        )
    }) {
        return Err(NotAssignable::Role);
    }
    let mut needed = vec!["basic"];
    needed.extend(specialist_course(crime_kind));
    if child {
        needed.push("child_victims");
    }
    for course in needed {
        let records: Vec<&Training> = trainings.iter().filter(|t| t.course == course).collect();
        if records.is_empty() {
            return Err(NotAssignable::Missing(course));
        }
        let valid = records
            .iter()
            .any(|t| t.completed_on <= today && t.expires_on.is_none_or(|e| e >= today));
        if !valid {
            let lapsed = records.iter().filter_map(|t| t.expires_on).max();
            return Err(match lapsed {
                Some(d) => NotAssignable::Lapsed(course, d),
                None => NotAssignable::Missing(course),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod training_tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn t(course: &str, expires: Option<NaiveDate>) -> Training {
        Training {
            course: course.into(),
            completed_on: d(2025, 1, 1),
            expires_on: expires,
        }
    }

    #[test]
    fn training_gates_assignment() {
        let today = d(2026, 11, 28);
        let v = [Role::Volunteer];
        assert_eq!(
            may_be_assigned(&v, &[], None, false, today),
            Err(NotAssignable::Missing("basic"))
        );
        assert_eq!(
            may_be_assigned(&v, &[t("basic", None)], None, false, today),
            Ok(())
        );
        assert_eq!(
            may_be_assigned(&v, &[t("basic", Some(d(2026, 6, 30)))], None, false, today),
            Err(NotAssignable::Lapsed("basic", d(2026, 6, 30)))
        );
        assert_eq!(
            may_be_assigned(
                &v,
                &[t("basic", None)],
                Some("sexual_violence"),
                false,
                today
            ),
            Err(NotAssignable::Missing("sexual_violence"))
        );
        assert_eq!(
            may_be_assigned(
                &v,
                &[t("basic", None), t("sexual_violence", Some(d(2027, 1, 1)))],
                Some("sexual_violence"),
                false,
                today
            ),
            Ok(())
        );
        assert_eq!(
            may_be_assigned(&v, &[t("basic", None)], Some("robbery"), true, today),
            Err(NotAssignable::Missing("child_victims"))
        );
        assert_eq!(
            may_be_assigned(
                &[Role::NetworkCoordinator],
                &[t("basic", None)],
                None,
                false,
                today
            ),
            Err(NotAssignable::Role)
        );
    }
}
