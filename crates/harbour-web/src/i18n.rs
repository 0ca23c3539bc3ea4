//! Fluent catalogues, embedded in the binary: `locales/<lang>/main.ftl` and `rights.ftl`
//! (hand-written) and `generated.ftl` (CLDR language and weekday names).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use harbour_domain::Locale;
use std::collections::HashMap;

macro_rules! catalogue {
    ($l:literal) => {
        (
            $l,
            include_str!(concat!("../../../locales/", $l, "/main.ftl")),
            include_str!(concat!("../../../locales/", $l, "/generated.ftl")),
            include_str!(concat!("../../../locales/", $l, "/rights.ftl")),
            include_str!(concat!("../../../locales/", $l, "/workspace.ftl")),
        )
    };
}

/// Every shipped catalogue: (locale, main.ftl, generated.ftl, rights.ftl, workspace.ftl).
pub const CATALOGUES: [(&str, &str, &str, &str, &str); 11] = [
    catalogue!("en"),
    catalogue!("fr"),
    catalogue!("de"),
    catalogue!("es"),
    catalogue!("it"),
    catalogue!("pl"),
    catalogue!("nl"),
    catalogue!("pt"),
    catalogue!("ro"),
    catalogue!("uk"),
    catalogue!("ar"),
];

/// Locales whose workspace catalogue is complete (today: every shipped locale). A locale added
/// later and not yet listed shows its missing workspace strings in English (the catalogue falls
/// back), and the test below checks that what it has is consistent with English.
pub const WORKSPACE_COMPLETE: &[&str] = &[
    "en", "de", "fr", "es", "it", "nl", "pl", "pt", "ro", "uk", "ar",
];

pub struct I18n {
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
}

impl I18n {
    /// Loads all catalogues; a syntax error in any of them is an error at start.
    pub fn load() -> anyhow::Result<I18n> {
        let mut bundles = HashMap::new();
        for (code, main, generated, rights, workspace) in CATALOGUES {
            let langid = code
                .parse()
                .map_err(|e| anyhow::anyhow!("locale {code}: {e:?}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            for (name, text) in [
                ("main.ftl", main),
                ("generated.ftl", generated),
                ("rights.ftl", rights),
                ("workspace.ftl", workspace),
            ] {
                let res = FluentResource::try_new(text.to_string())
                    .map_err(|(_, errs)| anyhow::anyhow!("locales/{code}/{name}: {errs:?}"))?;
                bundle
                    .add_resource(res)
                    .map_err(|errs| anyhow::anyhow!("locales/{code}/{name}: {errs:?}"))?;
            }
            bundles.insert(code, bundle);
        }
        Ok(I18n { bundles })
    }

    /// The message `key` in `locale`, falling back to English, then to the key itself.
    pub fn t(&self, locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        for code in [locale.code(), "en"] {
            let Some(bundle) = self.bundles.get(code) else {
                continue;
            };
            let Some(msg) = bundle.get_message(key) else {
                continue;
            };
            let Some(pattern) = msg.value() else { continue };
            let mut fargs = FluentArgs::new();
            for (k, v) in args {
                fargs.set(*k, v.clone());
            }
            let mut errors = Vec::new();
            let out = bundle.format_pattern(
                pattern,
                if args.is_empty() { None } else { Some(&fargs) },
                &mut errors,
            );
            return out.into_owned();
        }
        key.to_string()
    }

    pub fn has(&self, locale: Locale, key: &str) -> bool {
        self.bundles
            .get(locale.code())
            .is_some_and(|b| b.has_message(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_and_placeholders(text: &str) -> Vec<(String, Vec<String>)> {
        let res = match FluentResource::try_new(text.to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let mut out = Vec::new();
        for entry in res.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let mut vars = Vec::new();
                if let Some(v) = &m.value {
                    collect_vars(v, &mut vars);
                }
                vars.sort();
                vars.dedup();
                out.push((m.id.name.to_string(), vars));
            }
        }
        out.sort();
        out
    }

    fn collect_vars(p: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
        use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
        for el in &p.elements {
            if let PatternElement::Placeable { expression } = el {
                match expression {
                    Expression::Inline(InlineExpression::VariableReference { id }) => {
                        out.push(id.name.to_string())
                    }
                    Expression::Select { selector, variants } => {
                        if let InlineExpression::VariableReference { id } = selector {
                            out.push(id.name.to_string());
                        }
                        for v in variants {
                            collect_vars(&v.value, out);
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn every_locale_parses_and_has_every_key_with_the_same_placeholders() {
        let i18n = I18n::load();
        assert!(i18n.is_ok(), "{:?}", i18n.err());
        let (_, en_main, en_gen, en_rights, en_ws) = CATALOGUES[0];
        let en = keys_and_placeholders(en_main);
        let en_gen = keys_and_placeholders(en_gen);
        let en_r = keys_and_placeholders(en_rights);
        assert!(en.len() > 150);
        assert!(en_r.len() > 100);
        for (code, main, generated, rights, workspace) in CATALOGUES {
            for (name, text, en_text) in [
                ("rights.ftl", rights, en_rights),
                ("workspace.ftl", workspace, en_ws),
            ] {
                assert!(
                    FluentResource::try_new(text.to_string()).is_ok(),
                    "{code}/{name} has syntax errors"
                );
                let en_keys = keys_and_placeholders(en_text);
                let keys = keys_and_placeholders(text);
                if name == "rights.ftl" || WORKSPACE_COMPLETE.contains(&code) {
                    assert_eq!(
                        keys, en_keys,
                        "{code}/{name} differs from en in keys or placeholders"
                    );
                } else {
                    // partial: whatever it has exists in English, with the same placeholders
                    for k in &keys {
                        assert!(en_keys.contains(k), "{code}/{name}: {} not as in en", k.0);
                    }
                }
                if code != "en" && !keys.is_empty() {
                    // a copied English catalogue is not a translation
                    let same = text
                        .lines()
                        .filter(|l| !l.starts_with('#') && l.contains(" = "))
                        .filter(|l| en_text.lines().any(|e| e == *l))
                        .count();
                    assert!(
                        same * 10 < keys.len().max(1) * 2,
                        "{code}/{name} is mostly English"
                    );
                }
            }
            assert!(
                FluentResource::try_new(main.to_string()).is_ok(),
                "{code}/main.ftl has syntax errors"
            );
            assert_eq!(
                keys_and_placeholders(main),
                en,
                "{code}/main.ftl differs from en in keys or placeholders"
            );
            let g: Vec<String> = keys_and_placeholders(generated)
                .into_iter()
                .map(|k| k.0)
                .collect();
            let e: Vec<String> = en_gen.iter().map(|k| k.0.clone()).collect();
            assert_eq!(g, e, "{code}/generated.ftl");
        }
    }

    #[test]
    fn plurals_and_arguments() {
        let i18n = I18n::load().expect("catalogues");
        assert_eq!(
            i18n.t(Locale::En, "search-count", &[("count", 1.into())]),
            "One service found."
        );
        assert_eq!(
            i18n.t(Locale::En, "search-count", &[("count", 7.into())]),
            "7 services found."
        );
        assert_eq!(
            i18n.t(Locale::En, "country-title", &[("country", "Spain".into())]),
            "Support in Spain"
        );
        assert_ne!(
            i18n.t(Locale::Pl, "search-title", &[]),
            i18n.t(Locale::En, "search-title", &[])
        );
        assert_eq!(i18n.t(Locale::En, "no-such-key", &[]), "no-such-key");
    }
}
