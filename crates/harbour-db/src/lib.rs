//! All of Harbour's SQL. One logical schema on two backends (SQLite embedded, PostgreSQL),
//! chosen at runtime from the database URL; queries use `$n` placeholders, which both accept.

pub mod auth;
pub mod crypto;
pub mod demo;
pub mod directory;
mod fast;
pub mod testing;
pub mod workspace;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::str::FromStr;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum DbError {
    #[error("database URL must start with sqlite:// or postgres:// (setting database_url)")]
    UnsupportedUrl,
    #[error("service at {path} names organization {organization_id}, which does not exist")]
    UnknownOrganization {
        path: String,
        organization_id: String,
    },
    #[error("stored document {id} is not valid: {reason}")]
    CorruptDocument { id: String, reason: String },
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

impl DbError {
    /// Stable code for errors a user can meet (also the translation key).
    pub fn code(&self) -> &'static str {
        match self {
            DbError::UnsupportedUrl => "CONFIG-0001",
            DbError::UnknownOrganization { .. } => "DIRECTORY-0005",
            _ => "INTERNAL",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Result<Backend, DbError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(DbError::UnsupportedUrl)
        }
    }
}

/// The database: a pool and the backend it talks to (and, for a SQLite file, direct readers
/// of public documents, see [`fast`]).
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    docs: Option<std::sync::Arc<fast::DocReader>>,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/postgres");

impl Db {
    /// Connects; a SQLite file is created if missing. SQLite runs in WAL mode with foreign keys
    /// on, a busy timeout, and `synchronous=FULL` so nothing acknowledged is lost.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        let backend = Backend::from_url(url)?;
        sqlx::any::install_default_drivers();
        let url = if backend == Backend::Sqlite && !url.contains("mode=") {
            let sep = if url.contains('?') { '&' } else { '?' };
            format!("{url}{sep}mode=rwc")
        } else {
            url.to_string()
        };
        let opts = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute(
                            "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; \
                             PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -1024;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(opts)
            .await?;
        let docs = match backend {
            Backend::Sqlite => {
                let o = sqlx::sqlite::SqliteConnectOptions::from_str(&url)?;
                let file = o.get_filename();
                (!file.as_os_str().is_empty() && file.as_os_str() != ":memory:")
                    .then(|| std::sync::Arc::new(fast::DocReader::new(file.to_path_buf())))
            }
            Backend::Postgres => None,
        };
        Ok(Db {
            pool,
            backend,
            docs,
        })
    }

    pub async fn migrate(&self) -> Result<(), DbError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Pool for reads (a replica can be put here later).
    pub fn reader(&self) -> &AnyPool {
        &self.pool
    }

    /// Pool for writes.
    pub fn writer(&self) -> &AnyPool {
        &self.pool
    }

    /// The one pool (the workspace reads and writes in the same transactions).
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn migration_folders_match() {
        let names = |dir: &str| -> Vec<String> {
            let mut v: Vec<String> = std::fs::read_dir(format!(
                "{}/../../migrations/{dir}",
                env!("CARGO_MANIFEST_DIR")
            ))
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
            v.sort();
            v
        };
        let s = names("sqlite");
        assert!(!s.is_empty());
        assert_eq!(s, names("postgres"));
    }

    #[test]
    fn unknown_scheme_is_an_error_naming_the_setting() {
        let e = super::Backend::from_url("mysql://x")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("database_url"), "{e}");
        assert!(super::Backend::from_url("harbour.db").is_err());
    }
}
