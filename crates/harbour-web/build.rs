//! Embeds the rights knowledge base (`content/`) so that the binary runs from any directory.
//! The country and translation files are listed here, so adding one needs no code change.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let content = manifest.join("../../content");
    println!("cargo:rerun-if-changed={}", content.display());
    let mut out = String::new();
    for (name, dir) in [("NATIONAL", "countries"), ("TRANSLATIONS", "i18n")] {
        let dir = content.join(dir);
        println!("cargo:rerun-if-changed={}", dir.display());
        let _ = writeln!(out, "pub const {name}: &[(&str, &str)] = &[");
        for p in json_files(&dir) {
            let file = p
                .file_name()
                .and_then(|f| f.to_str())
                .unwrap_or_default()
                .to_string();
            let _ = writeln!(
                out,
                "    ({file:?}, include_str!({:?})),",
                p.display().to_string()
            );
        }
        let _ = writeln!(out, "];");
    }
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("content.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        eprintln!("cannot write {}: {e}", dest.display());
        std::process::exit(1);
    }
}
