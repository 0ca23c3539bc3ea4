//! `harbour`: one binary to run, migrate, import and export.

mod cli;
mod config;
mod export;

fn main() -> std::process::ExitCode {
    cli::main()
}
