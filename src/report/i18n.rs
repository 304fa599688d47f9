//! Words a person reads in the human and HTML reports, in Danish and English, and what to do
//! about each kind of finding.

/// Language of the human-readable reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    /// From `LANG`/`LC_ALL`/`LC_MESSAGES`: English only when it says so; Danish users first.
    pub fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var) {
                if v.is_empty() {
                    continue;
                }
                return if v.starts_with("en") || v == "C" || v == "POSIX" || v.starts_with("C.") {
                    Lang::En
                } else {
                    Lang::Da
                };
            }
        }
        Lang::Da
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// Picks the Danish or English text.
    pub fn t(self, da: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }
}

/// Title of a rule, for headings and SARIF rule names.
pub fn rule_title(rule: &str, lang: Lang) -> String {
    let (da, en) = match rule {
        "cpr" => ("CPR-nummer", "CPR number"),
        "name" => ("Navn på borger", "Citizen's name"),
        "email-header" => ("Udskrevet e-mail", "Printed e-mail"),
        "email-address" => ("E-mailadresse", "E-mail address"),
        "phone" => ("Telefonnummer", "Phone number"),
        "address" => ("Adresse", "Address"),
        "closed-item" => ("Indhold fra lukket punkt", "Closed-item content"),
        "hidden-text" => ("Skjult tekst", "Hidden text"),
        "metadata" => ("Metadata", "Metadata"),
        "annotation" => ("Kommentar, formularfelt eller bogmærke", "Annotation, form field or bookmark"),
        "embedded-file" => ("Vedhæftet fil i PDF'en", "File embedded in the PDF"),
        "revision" => ("Tidligere version af filen", "Earlier revision of the file"),
        "no-text-layer" => ("Side uden læsbart tekstlag", "Page without a readable text layer"),
        "javascript" => ("JavaScript eller handling", "JavaScript or action"),
        other => return other.to_string(),
    };
    lang.t(da, en).to_string()
}

/// What the reader should do about a finding of this rule.
pub fn rule_advice(rule: &str, lang: Lang) -> &'static str {
    match rule {
        "cpr" => lang.t(
            "Fjern CPR-nummeret fra dokumentet, før det offentliggøres. Et CPR-nummer må aldrig stå i et offentligt dokument.",
            "Remove the CPR number before publishing. A CPR number must never appear in a public document.",
        ),
        "name" => lang.t(
            "Vurdér om personen er en borger. Er det tilfældet, så anonymisér navnet (fx 'borger A') eller flyt bilaget til et lukket punkt.",
            "Decide whether the person is a citizen. If so, anonymise the name (e.g. 'citizen A') or move the attachment to a closed item.",
        ),
        "email-header" => lang.t(
            "En udskrevet e-mail med afsender og modtager står på siden. Fjern e-mailen eller anonymisér afsenderen, før dokumentet offentliggøres.",
            "A printed e-mail with sender and recipients is on the page. Remove it or anonymise the sender before publishing.",
        ),
        "email-address" | "phone" | "address" => lang.t(
            "Kontaktoplysninger om en privatperson må ikke offentliggøres. Fjern dem eller anonymisér.",
            "Contact details of a private person must not be published. Remove or anonymise them.",
        ),
        "closed-item" => lang.t(
            "Siden indeholder materiale fra et lukket punkt. Fjern siderne fra det åbne bilag, og kontrollér at punktet kun står med overskrift og sagsnummer.",
            "The page holds material from a closed item. Remove the pages from the open attachment; the closed item should show only its heading and case number.",
        ),
        "hidden-text" => lang.t(
            "Teksten kan ikke ses, men kan kopieres ud af filen (fx under en sort boks). Fjern teksten i kildedokumentet, eller brug en rigtig overstregning (redaction), og lav PDF'en igen.",
            "The text cannot be seen but can be copied out of the file (e.g. under a black box). Remove it in the source document or use real redaction, then make the PDF again.",
        ),
        "metadata" => lang.t(
            "Dokumentets egenskaber (forfatter, titel, emne) indeholder personoplysninger. Ret egenskaberne i kildedokumentet, før PDF'en laves.",
            "The document properties (author, title, subject) hold personal data. Fix them in the source document before making the PDF.",
        ),
        "annotation" => lang.t(
            "En kommentar, et formularfelt eller et bogmærke indeholder personoplysninger. Slet det, eller udskriv PDF'en uden kommentarer.",
            "An annotation, form field or bookmark holds personal data. Delete it or print the PDF without annotations.",
        ),
        "embedded-file" => lang.t(
            "PDF'en har en fil indlejret, som læseren kan hente. Fjern den vedhæftede fil, eller kontrollér den manuelt.",
            "The PDF carries an embedded file a reader can download. Remove it or check it by hand.",
        ),
        "revision" => lang.t(
            "En tidligere version af filen ligger stadig i PDF'en og kan gendannes. Gem PDF'en på ny (ikke som tilføjelse), så de gamle versioner forsvinder.",
            "An earlier version of the file is still inside the PDF and can be restored. Save the PDF anew (not incrementally) so old versions are gone.",
        ),
        "no-text-layer" => lang.t(
            "Siden er et billede (scanning), eller dens tekst kan ikke læses ud af filen, så den kunne ikke kontrolleres automatisk. Gennemse siden med øjnene. Er den udskrevet til PDF via PostScript, så gem dokumentet som PDF direkte fra programmet.",
            "The page is an image (scan), or its text cannot be read out of the file, so it could not be checked automatically. Review it by eye. If it was printed to PDF through PostScript, save the document as PDF straight from its program.",
        ),
        _ => lang.t("Vurdér fundet og ret dokumentet om nødvendigt.", "Review the finding and fix the document if needed."),
    }
}

pub fn severity_word(s: crate::detect::Severity, lang: Lang) -> &'static str {
    use crate::detect::Severity::*;
    match s {
        High => lang.t("høj", "high"),
        Medium => lang.t("middel", "medium"),
        Low => lang.t("lav", "low"),
        Info => lang.t("info", "info"),
    }
}

/// What the reader should do about a file that was not (fully) checked, from the reason given.
pub fn error_advice(error: &str, lang: Lang) -> &'static str {
    let e = error.to_ascii_lowercase();
    if e.contains("password") || e.contains("encrypt") {
        lang.t(
            "Filen er beskyttet med en adgangskode. Gem den uden adgangskode og kontrollér den igen; en krypteret fil bør ikke offentliggøres.",
            "The file is protected by a password. Save it without one and check it again; an encrypted file should not be published.",
        )
    } else if e.contains("limit") || e.contains("time budget") || e.contains("timed out") || e.contains("more than") {
        lang.t(
            "Filen er for stor eller for kompliceret til at blive kontrolleret helt inden for grænserne. Gennemgå den med øjnene, eller kør igen med en højere --timeout.",
            "The file is too big or too complex to be checked in full within the limits. Review it by eye, or run again with a higher --timeout.",
        )
    } else {
        lang.t(
            "Filen kunne ikke læses helt (den kan være beskadiget eller afkortet). Åbn den, gem den igen som PDF, og kontrollér den på ny.",
            "The file could not be read in full (it may be damaged or cut off). Open it, save it again as PDF, and check it again.",
        )
    }
}
