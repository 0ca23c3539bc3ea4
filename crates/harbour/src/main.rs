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

/// mimalloc gives freed memory back to the system 10 ms after it is freed, but only when it next
/// reserves or releases memory: after the first load (at 100,000 services) some 100 MB stayed
/// resident until the first burst of requests, which then stalled while it was given back
/// (p99 spikes in the first seconds). With a delay of 0 it is given back as it is freed: 94 MiB
/// at ready instead of 180–240, at the same throughput (interleaved A/B). Allocator options are
/// read from the environment before `main`, so the process starts itself again once with
/// `MIMALLOC_PURGE_DELAY=0`; a value set by the operator is left alone.
#[cfg(unix)]
fn release_memory_promptly() {
    const OPTION: &str = "MIMALLOC_PURGE_DELAY";
    if std::env::var_os(OPTION).is_some() {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    use std::os::unix::process::CommandExt;
    let mut args = std::env::args_os();
    let mut command = std::process::Command::new(exe);
    if let Some(arg0) = args.next() {
        command.arg0(arg0);
    }
    // Only returns if the process could not be replaced: then it runs on as it is.
    let _ = command.args(args).env(OPTION, "0").exec();
}

#[cfg(not(unix))]
fn release_memory_promptly() {}

fn main() -> std::process::ExitCode {
    release_memory_promptly();
    cli::main()
}
