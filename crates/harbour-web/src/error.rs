//! One error type for the web layer, and one mapping from error to (status, code) used by both
//! the JSON renderer (`{"errors":[{"code","detail"}]}`) and the HTML renderer.

use axum::http::StatusCode;
use harbour_domain::DomainError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("not found")]
    NotFound,
    #[error("service not found")]
    ServiceNotFound,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<harbour_db::DbError> for AppError {
    fn from(e: harbour_db::DbError) -> Self {
        AppError::Internal(e.into())
    }
}

impl From<harbour_search::SearchError> for AppError {
    fn from(e: harbour_search::SearchError) -> Self {
        AppError::Internal(e.into())
    }
}

impl AppError {
    /// The one place that decides status and code.
    pub fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            AppError::Domain(e) => (StatusCode::BAD_REQUEST, e.code()),
            AppError::NotFound => (StatusCode::NOT_FOUND, "HTTP-0404"),
            AppError::ServiceNotFound => (StatusCode::NOT_FOUND, "DIRECTORY-0006"),
            AppError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL"),
        }
    }

    /// Detail safe to show: the domain message for a user error, nothing for an internal one.
    pub fn detail(&self) -> String {
        match self {
            AppError::Internal(_) => "internal error".into(),
            e => e.to_string(),
        }
    }

    pub fn log(&self, request_id: &str) {
        if let AppError::Internal(e) = self {
            tracing::error!(
                request.id = request_id,
                error = format!("{e:#}"),
                "internal error"
            );
        }
    }
}

pub fn bad_query(field: &str, reason: &str) -> AppError {
    AppError::Domain(DomainError::InvalidQuery {
        field: field.into(),
        reason: reason.into(),
    })
}
