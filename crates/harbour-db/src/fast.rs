//! Synchronous reads of the pre-rendered public documents straight from the SQLite file.
//!
//! A search page needs ten or so documents by primary key. Through sqlx each such read is a
//! message to the connection's worker thread and back; on a busy two-core machine those
//! thread hand-overs cost more than the reads. These connections are used in the caller's
//! thread instead (a primary-key read of a cached page takes microseconds). They are
//! `query_only`: every write still goes through the pool. With WAL, they see the last
//! committed state, as the pool's readers do.

use std::path::PathBuf;
use std::sync::Mutex;
use uuid::Uuid;

pub(crate) struct DocReader {
    path: PathBuf,
    idle: Mutex<Vec<rusqlite::Connection>>,
    /// Idle connections kept: one per core (requests run on the runtime's worker threads, one
    /// per core, so no more overlap), at least four.
    keep: usize,
}

impl std::fmt::Debug for DocReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocReader")
            .field("path", &self.path)
            .finish()
    }
}

impl DocReader {
    pub(crate) fn new(path: PathBuf) -> DocReader {
        DocReader {
            path,
            idle: Mutex::new(Vec::new()),
            keep: std::thread::available_parallelism().map_or(4, |n| n.get().max(4)),
        }
    }

    fn open(&self) -> rusqlite::Result<rusqlite::Connection> {
        use rusqlite::OpenFlags;
        let conn = rusqlite::Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.execute_batch(
            "PRAGMA query_only = ON; PRAGMA busy_timeout = 10000; PRAGMA cache_size = -1024;",
        )?;
        Ok(conn)
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        let conn = match idle {
            Some(c) => c,
            None => self.open()?,
        };
        let out = f(&conn);
        // A connection left inside a transaction (its end failed) is not reused.
        if let (Ok(mut v), true) = (self.idle.lock(), conn.is_autocommit()) {
            if v.len() < self.keep {
                v.push(conn);
            }
        }
        out
    }

    /// The public documents of `ids` that exist, in the order asked, as the stored JSON bytes
    /// (not checked again as UTF-8: they were written as JSON text).
    pub(crate) fn public_docs(&self, ids: &[Uuid]) -> rusqlite::Result<Vec<(Uuid, Vec<u8>)>> {
        self.with(|conn| {
            // One read transaction for all of them (each statement on its own would take and
            // release the WAL read lock again), begun and ended by prepared statements (rather
            // than SQL text parsed on every request).
            conn.prepare_cached("BEGIN")?.execute([])?;
            let read = (|| {
                let mut out = Vec::with_capacity(ids.len());
                let mut stmt =
                    conn.prepare_cached("SELECT public_doc FROM services WHERE id = ?1")?;
                let mut buf = Uuid::encode_buffer();
                for id in ids {
                    let key: &str = id.hyphenated().encode_lower(&mut buf);
                    let mut rows = stmt.query([key])?;
                    if let Some(row) = rows.next()? {
                        out.push((*id, row.get_ref(0)?.as_bytes()?.to_vec()));
                    }
                }
                Ok(out)
            })();
            let end = if read.is_ok() { "COMMIT" } else { "ROLLBACK" };
            conn.prepare_cached(end)?.execute([])?;
            read
        })
    }
}
