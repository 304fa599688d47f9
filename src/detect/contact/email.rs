//! Rule `email-address`.
//!
//! Severity: medium for a free-mail provider's address (a private person) and for a personal
//! address at any other non-public domain; low for a personal address at a public-sector domain
//! (staff) and for a role mailbox elsewhere (`info@firma.dk`); info for a public-sector role
//! mailbox (`post@aarhus.dk`).

use super::Municipal;
use crate::detect::rulefile::{context_of, default_rule};
use crate::detect::{Finding, Severity, TextUnit};
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// Whose address it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// At a free-mail provider.
    Private,
    /// A person's address at a non-public domain.
    Other,
    /// A person's address at a public-sector domain.
    PublicStaff,
    /// A role mailbox at a non-public domain.
    OtherRole,
    /// A role mailbox at a public-sector domain.
    PublicRole,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Email {
    pub range: Range<usize>,
    pub owner: Owner,
}

impl Email {
    pub fn severity(&self) -> Severity {
        match self.owner {
            Owner::Private | Owner::Other => Severity::Medium,
            Owner::PublicStaff | Owner::OtherRole => Severity::Low,
            Owner::PublicRole => Severity::Info,
        }
    }
}

fn regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)[a-z0-9æøåäöü_%+'\-]+(?:\.[a-z0-9æøåäöü_%+'\-]+)*@(?:[a-z0-9æøå](?:[a-z0-9æøå\-]*[a-z0-9æøå])?\.)+[a-z]{2,24}")
            .expect("static regex")
    })
}

fn lists() -> &'static (Vec<String>, Vec<String>) {
    static L: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    L.get_or_init(|| {
        let r = default_rule("email-address");
        let lower = |v: &[String]| v.iter().map(|s| s.trim().to_lowercase()).collect::<Vec<_>>();
        (lower(r.list("free_mail")), lower(r.list("role_mailboxes")))
    })
}

pub fn is_free_mail(domain: &str) -> bool {
    let d = domain.to_lowercase();
    lists().0.contains(&d)
}

pub fn is_role_mailbox(local: &str) -> bool {
    let l = local.to_lowercase();
    lists().1.contains(&l)
}

pub fn classify(address: &str, municipal: &Municipal) -> Owner {
    let (local, domain) = address.rsplit_once('@').unwrap_or((address, ""));
    if is_free_mail(domain) {
        return Owner::Private;
    }
    let role = is_role_mailbox(local);
    match (municipal.is_public_domain(domain), role) {
        (true, true) => Owner::PublicRole,
        (true, false) => Owner::PublicStaff,
        (false, true) => Owner::OtherRole,
        (false, false) => Owner::Other,
    }
}

pub fn find(text: &str, municipal: &Municipal) -> Vec<Email> {
    let mut out = Vec::new();
    for m in regex().find_iter(text) {
        // After a slash it is part of a URL path, not an address (`mailto:` before one is fine).
        if text[..m.start()].chars().next_back().is_some_and(|c| c == '/' || c == '@') {
            continue;
        }
        let addr = m.as_str().trim_start_matches(['.', '-', '\'']);
        let start = m.end() - addr.len();
        out.push(Email { range: start..m.end(), owner: classify(addr, municipal) });
    }
    out
}

/// `h***@gmail.com`: the domain stays (it says whose address it is), the person's part goes.
/// Role mailboxes are not personal data and are shown as they are.
pub fn mask(address: &str, owner: Owner) -> String {
    if matches!(owner, Owner::PublicRole | Owner::OtherRole) {
        return address.to_string();
    }
    let (local, domain) = address.rsplit_once('@').unwrap_or((address, ""));
    let first: String = local.chars().take(1).collect();
    format!("{first}***@{domain}")
}

pub fn finding(unit: &TextUnit<'_>, text: &str, e: &Email) -> Finding {
    let addr = &text[e.range.clone()];
    let masked = mask(addr, e.owner);
    let (why, why_da) = match e.owner {
        Owner::Private => ("a private address at a free-mail provider", "en privat adresse hos en gratis mailudbyder"),
        Owner::Other => {
            ("a personal address outside the public sector", "en personlig adresse uden for det offentlige")
        }
        Owner::PublicStaff => {
            ("a staff address at a public-sector domain", "en medarbejders adresse på et offentligt domæne")
        }
        Owner::OtherRole => {
            ("a role mailbox outside the public sector", "en funktionspostkasse uden for det offentlige")
        }
        Owner::PublicRole => ("a public-sector role mailbox", "en offentlig funktionspostkasse"),
    };
    let mut f = unit
        .finding("email-address", e.severity(), addr, format!("E-mail address {masked}: {why}."))
        .with_danish(format!("E-mailadresse {masked}: {why_da}."));
    f.masked_text = masked;
    f.context = context_of(text, e.range.clone(), 60);
    f.bbox = unit.text.bbox_of(e.range.clone());
    f.confidence = match e.owner {
        Owner::Private | Owner::PublicRole => 0.95,
        _ => 0.85,
    };
    f
}
