//! Rules `email-address`, `phone`, `address`: contact data of private persons.
//!
//! Each rule finds its shape (an address with `@`, a Danish phone number, a street address with
//! postcode and town), then decides whose it is from the words around it: a private person's
//! (medium), or the municipality's own, a role mailbox, a company's (low or info). The word lists
//! are in `rules/rules.toml`, the public sector's mail domains in `rules/municipal.toml`.

pub mod address;
pub mod email;
pub mod phone;

use super::config::MunicipalityConfig;
use super::rulefile::{default_rule, Hit, Lexicon};
use super::{DocContext, Finding, TextUnit};
use serde::Deserialize;
use std::sync::OnceLock;

const MUNICIPAL_TOML: &str = include_str!("../../../rules/municipal.toml");

// Keyword groups of the shared contact lexicon (bits).
pub(crate) const PHONE_LABEL: u32 = 1;
pub(crate) const MOBILE: u32 = 1 << 1;
pub(crate) const PHONE_SUPPRESS: u32 = 1 << 2;
pub(crate) const PRIVATE: u32 = 1 << 3;
pub(crate) const MUNICIPAL: u32 = 1 << 4;
pub(crate) const ADDR_MUNICIPAL: u32 = 1 << 5;
pub(crate) const BUSINESS: u32 = 1 << 6;
pub(crate) const INSTITUTION: u32 = 1 << 7;

/// One Aho-Corasick pass finds every label and context word the three rules read.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LX: OnceLock<Lexicon> = OnceLock::new();
    LX.get_or_init(|| {
        let phone = default_rule("phone");
        let address = default_rule("address");
        Lexicon::new([
            (PHONE_LABEL, phone.keywords.as_slice()),
            (MOBILE, phone.list("mobile")),
            (PHONE_SUPPRESS, phone.list("suppress_before")),
            (PRIVATE, phone.list("private")),
            (MUNICIPAL, phone.list("municipal")),
            (ADDR_MUNICIPAL, address.list("municipal")),
            (BUSINESS, address.list("business")),
            (INSTITUTION, address.list("institution")),
        ])
        .unwrap_or_else(|_| Lexicon::empty())
    })
}

/// The public sector's own mail domains, phone numbers and addresses.
#[derive(Debug, Clone, Default)]
pub struct Municipal {
    /// Exact domains (a subdomain of one counts too), lower-case.
    domains: Vec<String>,
    /// Municipality names as they appear in domain names (`aarhus`, `hoeje-taastrup`, …).
    slugs: Vec<String>,
    /// The municipality's own phone numbers, eight digits each.
    phones: Vec<String>,
    /// The municipality's own addresses, normalised (lower case, single spaces, no commas).
    addresses: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MunicipalFile {
    municipalities: Vec<String>,
    domains: Vec<String>,
}

impl Municipal {
    /// The embedded list: the 98 municipalities, regions and state services.
    pub fn defaults() -> &'static Municipal {
        static M: OnceLock<Municipal> = OnceLock::new();
        M.get_or_init(|| {
            let file: MunicipalFile = match toml::from_str(MUNICIPAL_TOML) {
                Ok(f) => f,
                Err(_) => return Municipal::default(),
            };
            let mut slugs: Vec<String> = file.municipalities.iter().flat_map(|n| domain_slugs(n)).collect();
            slugs.sort();
            slugs.dedup();
            Municipal {
                domains: file.domains.iter().map(|d| d.trim().to_lowercase()).collect(),
                slugs,
                phones: Vec::new(),
                addresses: Vec::new(),
            }
        })
    }

    /// The defaults plus what the user's configuration says about their own municipality.
    pub fn with_config(cfg: &MunicipalityConfig) -> Municipal {
        let mut m = Municipal::defaults().clone();
        m.domains.extend(cfg.domains.iter().map(|d| d.trim().trim_start_matches('@').to_lowercase()));
        for name in &cfg.names {
            let base = name.to_lowercase().replace("kommune", "");
            m.slugs.extend(domain_slugs(base.trim()));
        }
        m.phones.extend(cfg.phones.iter().map(|p| phone::national_digits(p)).filter(|p| p.len() == 8));
        m.addresses.extend(cfg.addresses.iter().map(|a| normalise_address(a)));
        m
    }

    /// Whether mail at `domain` belongs to the public sector.
    pub fn is_public_domain(&self, domain: &str) -> bool {
        let d = domain.trim_end_matches('.').to_lowercase();
        if self.domains.iter().any(|x| d == *x || d.ends_with(&format!(".{x}"))) {
            return true;
        }
        let Some(rest) = d.strip_suffix(".dk") else { return false };
        let sld = rest.rsplit('.').next().unwrap_or(rest);
        if sld.ends_with("kommune") || sld.starts_with("region") {
            return true;
        }
        let core = sld.strip_suffix("kommune").unwrap_or(sld).trim_end_matches('-');
        self.slugs.iter().any(|s| s == core)
    }

    pub fn is_own_phone(&self, digits: &str) -> bool {
        self.phones.iter().any(|p| p == digits)
    }

    /// Whether `digits` lies in the number series of one of the municipality's own numbers
    /// (same first four digits: `72 36 41 50` next to the switchboard `72 36 00 00`).
    pub fn is_own_series(&self, digits: &str) -> bool {
        digits.len() == 8 && self.phones.iter().any(|p| p.get(..4) == digits.get(..4))
    }

    pub fn is_own_address(&self, address: &str) -> bool {
        let a = normalise_address(address);
        self.addresses.contains(&a)
    }
}

/// How a municipality's name is written in mail domains: lower case, æ/ø/å as ae/oe/aa, e/o/a
/// or themselves (internationalised domains), hyphens kept or dropped.
pub fn domain_slugs(name: &str) -> Vec<String> {
    let lower = name.trim().to_lowercase();
    let mut out = vec![String::new()];
    for c in lower.chars() {
        let options: &[&str] = match c {
            'æ' => &["ae", "e", "æ"],
            'ø' => &["oe", "o", "ø"],
            'å' => &["aa", "a", "å"],
            '-' => &["-", ""],
            ' ' => &["-", ""],
            _ => &[],
        };
        if options.is_empty() {
            for s in &mut out {
                s.push(c);
            }
        } else {
            out = out.iter().flat_map(|s| options.iter().map(move |o| format!("{s}{o}"))).collect();
        }
        if out.len() > 256 {
            break;
        }
    }
    out
}

fn normalise_address(a: &str) -> String {
    a.replace(',', " ").split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Runs the three contact rules with the embedded defaults only.
pub fn check(unit: &TextUnit<'_>, doc: &DocContext, out: &mut Vec<Finding>) {
    check_with(unit, doc, Municipal::defaults(), out);
}

/// Runs the three contact rules, with `municipal` telling the municipality's own data apart.
pub fn check_with(unit: &TextUnit<'_>, _doc: &DocContext, municipal: &Municipal, out: &mut Vec<Finding>) {
    let text = unit.text.text.as_str();
    // Prefilter: the keyword pass runs only when the page has something shaped like an e-mail
    // address, a phone number or a postcode with a town.
    let has_at = text.contains('@');
    let has_digits = phone::maybe(text) || address::maybe(text);
    if !has_at && !has_digits {
        return;
    }
    let hits: Vec<Hit> = lexicon().find(text);
    let emails = if has_at { email::find(text, municipal) } else { Vec::new() };
    for e in &emails {
        out.push(email::finding(unit, text, e));
    }
    if has_digits {
        let addresses = address::find(text, &hits, municipal);
        let private_addresses: Vec<std::ops::Range<usize>> =
            addresses.iter().filter(|a| a.owner == address::AddressOwner::Private).map(|a| a.range.clone()).collect();
        for p in phone::find(text, &hits, &emails, &private_addresses, municipal) {
            out.push(phone::finding(unit, text, &p));
        }
        for a in &addresses {
            out.push(address::finding(unit, text, a));
        }
    }
}

#[cfg(test)]
mod tests;
