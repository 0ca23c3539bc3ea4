//! Test databases: a fresh SQLite file, or — when `HARBOUR_TEST_POSTGRES_URL` is set — a fresh
//! PostgreSQL database that is dropped afterwards. The same test bodies run on both.

use crate::{Db, DbError};

pub struct TestDb {
    pub db: Db,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

fn unique_name() -> String {
    format!("harbour_test_{}", uuid::Uuid::new_v4().simple())
}

impl TestDb {
    /// The backend named by the environment: PostgreSQL if `HARBOUR_TEST_POSTGRES_URL` is set.
    pub async fn new() -> Result<TestDb, DbError> {
        match std::env::var("HARBOUR_TEST_POSTGRES_URL") {
            Ok(url) if !url.is_empty() => TestDb::postgres(&url).await,
            _ => TestDb::sqlite().await,
        }
    }

    pub async fn sqlite() -> Result<TestDb, DbError> {
        let path = std::env::temp_dir().join(format!("{}.db", unique_name()));
        let url = format!("sqlite://{}", path.display());
        let db = Db::connect(&url).await?;
        db.migrate().await?;
        Ok(TestDb {
            db,
            url,
            cleanup: Cleanup::File(path),
        })
    }

    pub async fn postgres(admin_url: &str) -> Result<TestDb, DbError> {
        let name = unique_name();
        let admin = Db::connect(admin_url).await?;
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(admin.writer())
            .await?;
        admin.close().await;
        let url = replace_db_name(admin_url, &name);
        let db = Db::connect(&url).await?;
        db.migrate().await?;
        Ok(TestDb {
            db,
            url,
            cleanup: Cleanup::Postgres {
                admin_url: admin_url.to_string(),
                name,
            },
        })
    }
}

/// `postgres://u@h:5432/postgres?x` → `postgres://u@h:5432/{name}?x`
pub fn replace_db_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let rest = base.get(scheme_end..).unwrap_or("");
    let head = match rest.find('/') {
        Some(i) => base.get(..scheme_end + i).unwrap_or(base),
        None => base,
    };
    match query {
        Some(q) => format!("{head}/{name}?{q}"),
        None => format!("{head}/{name}"),
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(p) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
                }
            }
            Cleanup::Postgres { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Dropping needs async I/O; do it on a thread of its own so Drop works inside
                // or outside a runtime. FORCE ends the test's own pooled connections.
                let _ = std::thread::spawn(move || {
                    let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                    else {
                        return;
                    };
                    rt.block_on(async move {
                        if let Ok(admin) = Db::connect(&admin_url).await {
                            let _ = sqlx::query(&format!(
                                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                            ))
                            .execute(admin.writer())
                            .await;
                            admin.close().await;
                        }
                    });
                })
                .join();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn database_name_is_replaced() {
        assert_eq!(
            super::replace_db_name("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(
            super::replace_db_name("postgres://h/db?sslmode=disable", "t"),
            "postgres://h/t?sslmode=disable"
        );
        assert_eq!(
            super::replace_db_name("postgres://h:1", "t"),
            "postgres://h:1/t"
        );
    }
}
