//! `harbour`: one binary to run, migrate, import and export.

mod cli;
mod config;
mod export;

/// mimalloc returns freed memory to the system far better than glibc's allocator under many
/// threads (tokio workers, SQLite connection threads, the indexer): with glibc, the memory used
/// while building the index stayed resident (measured: 459 MB for 100,000 services; see README).
/// Its version 2 (the `v2` feature) is used: at 100,000 services it measured 195 MiB right after
/// the index build and 133–173 MiB under load, against 240 and 158–199 MiB with version 3,
/// whose one-second purge delay keeps more freed memory. Transparent huge pages are left off
/// (the `no_thp` feature): with them, a 2 MB page stays resident while any of it is used; at
/// 100,000 services 64–78 MB of the heap sat in huge pages, and resident memory after a burst
/// of queries measured 142 MiB with them against 106 and 132 MiB without, at the same speed.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
