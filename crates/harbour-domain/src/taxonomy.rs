//! Harbour's victim-support taxonomies. The terms themselves are data (`data/taxonomies.json`,
//! served as HSDS taxonomies); these lists are the codes the search filters accept.

pub const SUPPORT: &str = "support";
pub const CRIME: &str = "crime";
pub const CHANNEL: &str = "channel";

pub const SUPPORT_KINDS: [&str; 12] = [
    "emotional",
    "legal_information",
    "legal_advice",
    "practical",
    "psychological",
    "court_accompaniment",
    "shelter",
    "helpline",
    "online_chat",
    "compensation_help",
    "restorative_justice",
    "cross_border_referral",
];

pub const CRIME_GROUPS: [&str; 11] = [
    "general",
    "domestic_violence",
    "sexual_violence",
    "child_victims",
    "trafficking",
    "hate_crime",
    "terrorism",
    "homicide_bereaved",
    "road_traffic",
    "cybercrime",
    "fraud",
];

pub const CHANNELS: [&str; 4] = ["phone", "chat", "email", "in_person"];

pub const ACCESSIBILITY: [&str; 5] = [
    "step_free",
    "sign_language",
    "easy_read",
    "hearing_loop",
    "text_relay",
];

pub fn is_known(taxonomy: &str, code: &str) -> bool {
    match taxonomy {
        SUPPORT => SUPPORT_KINDS.contains(&code),
        CRIME => CRIME_GROUPS.contains(&code),
        CHANNEL => CHANNELS.contains(&code),
        _ => false,
    }
}
