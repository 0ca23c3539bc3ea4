//! `harbour`: one binary to run, migrate, import and export.

mod cli;
mod config;
mod export;

/// mimalloc returns freed memory to the system far better than glibc's allocator under many
/// threads (tokio workers, SQLite connection threads, the indexer): with glibc, the memory used
/// while building the index stayed resident (measured: 459 MB for 100,000 services; see README).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
