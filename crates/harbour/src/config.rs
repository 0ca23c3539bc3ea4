//! Configuration: defaults in code, then a TOML file, then `HARBOUR_…` environment variables,
//! then command-line flags. Validated once, with messages that name the setting.

use anyhow::{bail, Context};
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub listen: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub quick_exit_url: Option<String>,
    pub log_format: Option<String>,
    pub mail_url: Option<String>,
    pub mail_from: Option<String>,
    pub public_url: Option<String>,
}

/// Values given on the command line (each also readable from its `HARBOUR_…` variable by clap).
#[derive(Debug, Default, Clone, clap::Args)]
pub struct Overrides {
    /// Address to listen on [default: 127.0.0.1:8080]
    #[arg(long, env = "HARBOUR_LISTEN", global = true)]
    pub listen: Option<String>,
    /// Directory for Harbour's data (the SQLite database) [default: ./harbour-data]
    #[arg(long, env = "HARBOUR_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// sqlite://FILE or postgres://… [default: sqlite in the data directory]
    #[arg(long, env = "HARBOUR_DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// TOML configuration file (keys: listen, data_dir, database_url, quick_exit_url, log_format,
    /// mail_url, mail_from, public_url)
    #[arg(long, env = "HARBOUR_CONFIG", global = true)]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub database_url: String,
    pub quick_exit_url: String,
    pub log_json: bool,
    /// Reminders by e-mail: where mail goes (`smtp://host:port` or `sendmail`), from whom, and
    /// the workspace's public address for the link. Off unless `mail_url` is set.
    pub mail: Option<MailSettings>,
}

#[derive(Debug, Clone)]
pub struct MailSettings {
    pub url: String,
    pub from: String,
    pub public_url: String,
}

impl Config {
    pub fn load(o: &Overrides) -> anyhow::Result<Config> {
        let file = match &o.config {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("config: cannot read {}", path.display()))?;
                toml::from_str::<FileConfig>(&text)
                    .with_context(|| format!("config: {} is not valid", path.display()))?
            }
            None => FileConfig::default(),
        };
        let listen_s = o
            .listen
            .clone()
            .or(file.listen)
            .unwrap_or_else(|| "127.0.0.1:8080".into());
        let listen: SocketAddr = listen_s.parse().with_context(|| {
            format!("setting listen: {listen_s:?} is not an address like 127.0.0.1:8080")
        })?;
        let data_dir = o
            .data_dir
            .clone()
            .or(file.data_dir)
            .unwrap_or_else(|| PathBuf::from("harbour-data"));
        let database_url = match o.database_url.clone().or(file.database_url) {
            Some(url) => {
                if !(url.starts_with("sqlite://")
                    || url.starts_with("postgres://")
                    || url.starts_with("postgresql://"))
                {
                    bail!(
                        "setting database_url: must start with sqlite:// or postgres:// (got {:?})",
                        scheme_of(&url)
                    );
                }
                url
            }
            None => default_sqlite(&data_dir),
        };
        let quick_exit_url = file.quick_exit_url.unwrap_or_else(|| "/exit".into());
        if !(quick_exit_url.starts_with('/') || quick_exit_url.starts_with("https://")) {
            bail!("setting quick_exit_url: must be a path on this site or an https:// address");
        }
        let log_json = match file.log_format.as_deref() {
            None | Some("text") => false,
            Some("json") => true,
            Some(other) => bail!("setting log_format: {other:?} is not text or json"),
        };
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let mail = match env("HARBOUR_MAIL_URL").or(file.mail_url) {
            None => None,
            Some(url) => {
                let from = env("HARBOUR_MAIL_FROM")
                    .or(file.mail_from)
                    .with_context(|| {
                        "setting mail_from: needed when mail_url is set (HARBOUR_MAIL_FROM)"
                    })?;
                let public_url = env("HARBOUR_PUBLIC_URL").or(file.public_url).with_context(|| {
                    "setting public_url: needed when mail_url is set, for the link in reminders \
                     (HARBOUR_PUBLIC_URL)"
                })?;
                Some(MailSettings {
                    url,
                    from,
                    public_url,
                })
            }
        };
        Ok(Config {
            listen,
            data_dir,
            database_url,
            quick_exit_url,
            log_json,
            mail,
        })
    }

    /// Creates the data directory when the database lives in it.
    pub fn prepare_dirs(&self) -> anyhow::Result<()> {
        if self.database_url.starts_with("sqlite://") {
            std::fs::create_dir_all(&self.data_dir).with_context(|| {
                format!(
                    "setting data_dir: cannot create {}",
                    self.data_dir.display()
                )
            })?;
        }
        Ok(())
    }
}

fn scheme_of(url: &str) -> String {
    url.split_once("://")
        .map(|(s, _)| format!("{s}://"))
        .unwrap_or_else(|| "no scheme".into())
}

fn default_sqlite(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("harbour.db").display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_need_no_configuration() {
        let c = Config::load(&Overrides::default()).expect("defaults");
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.database_url, "sqlite://harbour-data/harbour.db");
    }

    #[test]
    fn unknown_scheme_names_the_setting() {
        let o = Overrides {
            database_url: Some("mysql://x".into()),
            ..Default::default()
        };
        let e = format!("{:#}", Config::load(&o).expect_err("error"));
        assert!(e.contains("database_url"), "{e}");
        let o = Overrides {
            database_url: Some("harbour.db".into()),
            ..Default::default()
        };
        assert!(
            Config::load(&o).is_err(),
            "a bare file name must not silently become a new database"
        );
    }

    #[test]
    fn file_then_flags_and_unknown_keys_rejected() {
        let dir = tempfile::tempdir().expect("tmp");
        let f = dir.path().join("h.toml");
        std::fs::write(&f, "listen = \"127.0.0.1:9000\"\ndata_dir = \"/tmp/x\"\n").expect("write");
        let c = Config::load(&Overrides {
            config: Some(f.clone()),
            ..Default::default()
        })
        .expect("file");
        assert_eq!(c.listen.port(), 9000);
        let c = Config::load(&Overrides {
            config: Some(f.clone()),
            listen: Some("127.0.0.1:9100".into()),
            ..Default::default()
        })
        .expect("flag");
        assert_eq!(c.listen.port(), 9100);
        std::fs::write(&f, "lisen = \"x\"\n").expect("write");
        let e = format!(
            "{:#}",
            Config::load(&Overrides {
                config: Some(f),
                ..Default::default()
            })
            .expect_err("error")
        );
        assert!(e.contains("lisen"), "{e}");
    }

    #[test]
    fn mail_settings_come_together_or_name_what_is_missing() {
        let dir = tempfile::tempdir().expect("tmp");
        let f = dir.path().join("h.toml");
        let load = |text: &str| {
            std::fs::write(&f, text).expect("write");
            Config::load(&Overrides {
                config: Some(f.clone()),
                ..Default::default()
            })
        };
        // off by default
        assert!(load("").expect("empty").mail.is_none());
        let e = format!(
            "{:#}",
            load("mail_url = \"smtp://127.0.0.1:25\"\n").expect_err("from")
        );
        assert!(e.contains("mail_from"), "{e}");
        let e = format!(
            "{:#}",
            load("mail_url = \"smtp://127.0.0.1:25\"\nmail_from = \"h@example.org\"\n")
                .expect_err("public_url")
        );
        assert!(e.contains("public_url"), "{e}");
        let m = load(
            "mail_url = \"sendmail\"\nmail_from = \"h@example.org\"\npublic_url = \"https://h.example.org\"\n",
        )
        .expect("complete")
        .mail
        .expect("mail");
        assert_eq!(m.url, "sendmail");
    }
}
