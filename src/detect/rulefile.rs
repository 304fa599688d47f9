//! Rule definitions in TOML (gitleaks style): the defaults embedded from `rules/`, plus a user's own.
