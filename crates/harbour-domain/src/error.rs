use thiserror::Error;

/// Errors a user can meet in the domain layer. Each has a stable code, which is also the key
/// of its translated message in the Fluent catalogues (`error-<code>`).
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DomainError {
    #[error("not a country code: {0:?}")]
    InvalidCountry(String),
    #[error("not a language tag: {0:?}")]
    InvalidLanguage(String),
    #[error("invalid HSDS input at {path}: {reason}")]
    InvalidImport { path: String, reason: String },
    #[error("invalid query parameter {field}: {reason}")]
    InvalidQuery { field: String, reason: String },
    #[error("invalid field {field}: {reason}")]
    InvalidField { field: String, reason: String },
}

impl DomainError {
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::InvalidCountry(_) => "DIRECTORY-0001",
            DomainError::InvalidLanguage(_) => "DIRECTORY-0002",
            DomainError::InvalidImport { .. } => "DIRECTORY-0003",
            DomainError::InvalidQuery { .. } => "DIRECTORY-0004",
            DomainError::InvalidField { .. } => "RIGHTS-0001",
        }
    }
}
