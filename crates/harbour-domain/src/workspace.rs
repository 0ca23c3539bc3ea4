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
