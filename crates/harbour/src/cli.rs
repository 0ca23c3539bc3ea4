//! Commands. Each sets up exactly what it needs and reports errors with their context.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use harbour_db::directory::{self, Origin, TaxonomyWithTerms};
use harbour_db::Db;
use harbour_domain::hsds::Organization;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use crate::config::{Config, Overrides};
use crate::export;

/// Harbour: find free, confidential support for victims of crime across Europe.
#[derive(Parser, Debug)]
#[command(name = "harbour", version, about, long_about = None)]
struct Cli {
    #[command(flatten)]
    overrides: Overrides,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run Harbour: migrate, load the shipped directory once, build the search index, serve HTTP
    Serve {
        /// Also load two fictional organisations with demo people (passwords and two-factor
        /// secrets printed at start) and fictional cases, to try the workspace
        #[arg(long)]
        demo: bool,
    },
    /// Apply database migrations and exit
    Migrate,
    /// Import HSDS 3.0 JSON (one organization or service, or a list); all or nothing
    Import {
        /// The HSDS JSON file
        file: PathBuf,
    },
    /// Export the directory (confidential addresses are never exported)
    Export {
        /// hsds (JSON) or csv (HSDS tabular files; needs --out DIR)
        #[arg(long, value_enum, default_value = "hsds")]
        format: Format,
        /// Output file (hsds) or directory (csv); standard output when omitted (hsds only)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Administer the workspace for support organisations
    #[command(subcommand)]
    Admin(Admin),
}

#[derive(Subcommand, Debug)]
enum Admin {
    /// Create an organisation (with its own encryption keys)
    CreateOrg {
        /// The organisation's name
        #[arg(long)]
        name: String,
        /// Its country (ISO 3166-1 alpha-2, e.g. ES)
        #[arg(long)]
        country: String,
        /// Its entry in the directory (HSDS organization id), if any
        #[arg(long)]
        directory_id: Option<uuid::Uuid>,
    },
    /// List the organisations
    ListOrgs,
    /// Invite a person: prints a one-time link valid for 7 days
    Invite {
        /// Organisation id (see list-orgs)
        #[arg(long)]
        org: String,
        /// volunteer, caseworker, supervisor, org_admin, referral_contact or network_coordinator
        #[arg(long)]
        role: String,
        /// The person's e-mail address
        #[arg(long)]
        email: String,
        /// Base URL for the link
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        base_url: String,
    },
    /// Recompute the audit log's hash chain; fails if any row was altered, removed or reordered
    VerifyAudit,
    /// Set how many months closed cases are kept before they are purged ("none" keeps them)
    SetRetention {
        /// Organisation id (see list-orgs)
        #[arg(long)]
        org: String,
        /// Months, or "none"
        #[arg(long)]
        months: String,
    },
    /// Run the retention purge now (serve also runs it daily)
    Purge,
    /// Re-wrap all keys under a new master key and replace the key file; destroy the old key
    /// (and the backups' copies of purged data become unreadable). Needs a restart of all nodes.
    RotateMasterKey,
    /// Give every organisation a new data key, re-encrypt all case data, destroy the old keys
    RotateKeys,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Hsds,
    Csv,
}

const SEED_DIRECTORY: &str = include_str!("../../../data/directory.json");
const SEED_TAXONOMIES: &str = include_str!("../../../data/taxonomies.json");

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::load(&cli.overrides) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("harbour: {e:#}");
            return ExitCode::from(2);
        }
    };
    init_logging(&config);
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("harbour: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(run(cli.command, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("harbour: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("HARBOUR_LOG")
        .unwrap_or_else(|_| "info,sqlx=warn,tantivy=warn".into());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if config.log_json {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn open(config: &Config) -> anyhow::Result<Db> {
    config.prepare_dirs()?;
    let db = Db::connect(&config.database_url)
        .await
        .context("setting database_url: cannot connect")?;
    db.migrate().await.context("migrating the database")?;
    Ok(db)
}

pub fn seed() -> anyhow::Result<(Vec<Organization>, Vec<TaxonomyWithTerms>)> {
    let orgs = serde_json::from_str(SEED_DIRECTORY).context("shipped data/directory.json")?;
    let tax = serde_json::from_str(SEED_TAXONOMIES).context("shipped data/taxonomies.json")?;
    Ok((orgs, tax))
}

async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Migrate => {
            open(&config).await?;
            tracing::info!("migrations applied");
            Ok(())
        }
        Command::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let batch = harbour_domain::import::parse(&text)
                .map_err(|e| anyhow::anyhow!("{} [{}]", e, e.code()))?;
            let db = open(&config).await?;
            let (_, tax) = seed()?;
            // the taxonomies exist before anything refers to them
            directory::load_seed(&db, &[], &tax, chrono::Utc::now()).await?;
            let r = directory::import(&db, &batch, Origin::Edit, chrono::Utc::now())
                .await
                .map_err(|e| anyhow::anyhow!("{} [{}]", e, e.code()))?;
            println!(
                "imported {} organizations ({} new, {} updated) and {} services",
                r.organizations_inserted + r.organizations_updated,
                r.organizations_inserted,
                r.organizations_updated,
                r.services_written
            );
            Ok(())
        }
        Command::Export { format, out } => {
            let db = open(&config).await?;
            let orgs = export::organizations(&db).await?;
            match format {
                Format::Hsds => export::write_out(&export::hsds_json(&orgs)?, out.as_deref()),
                Format::Csv => {
                    let dir =
                        out.context("csv export writes several HSDS tables: give --out DIR")?;
                    export::hsds_csv(&orgs, &dir)
                }
            }
        }
        Command::Serve { demo } => serve(config, demo).await,
        Command::Admin(a) => admin(a, config).await,
    }
}

/// The master key: `HARBOUR_MASTER_KEY`, or the key file in the data directory (created with
/// mode 0600 on first use).
pub fn master_key(config: &Config) -> anyhow::Result<harbour_db::crypto::MasterKey> {
    use harbour_db::crypto::MasterKey;
    if let Ok(k) = std::env::var("HARBOUR_MASTER_KEY") {
        if !k.trim().is_empty() {
            return MasterKey::parse(&k).context("setting HARBOUR_MASTER_KEY");
        }
    }
    std::fs::create_dir_all(&config.data_dir).with_context(|| {
        format!(
            "setting data_dir: cannot create {}",
            config.data_dir.display()
        )
    })?;
    MasterKey::load_or_create(&config.data_dir.join("master.key")).context("master key")
}

async fn admin(a: Admin, config: Config) -> anyhow::Result<()> {
    use harbour_db::workspace;
    let db = open(&config).await?;
    let now = chrono::Utc::now();
    let err = |e: workspace::WorkspaceError| anyhow::anyhow!("{e} [{}]", e.code());
    match a {
        Admin::CreateOrg {
            name,
            country,
            directory_id,
        } => {
            let mk = master_key(&config)?;
            let id = workspace::create_organization(&db, &mk, &name, &country, directory_id, now)
                .await
                .map_err(err)?;
            println!("{id}");
        }
        Admin::ListOrgs => {
            for o in workspace::organizations(&db).await.map_err(err)? {
                println!("{}\t{}\t{}", o.id, o.country, o.name);
            }
        }
        Admin::Invite {
            org,
            role,
            email,
            base_url,
        } => {
            let role = harbour_domain::workspace::Role::parse(&role).with_context(|| {
                format!("--role {role:?}: one of volunteer, caseworker, supervisor, org_admin, referral_contact, network_coordinator")
            })?;
            let token = workspace::invite(&db, &org, role, &email, None, now)
                .await
                .map_err(err)?;
            println!(
                "{}/workspace/invite/{token}",
                base_url.trim_end_matches('/')
            );
        }
        Admin::VerifyAudit => match workspace::verify_audit(&db).await.map_err(err)? {
            Ok(n) => println!("audit log intact: {n} entries"),
            Err(b) => anyhow::bail!("audit log broken at entry {}: {}", b.seq, b.reason),
        },
        Admin::SetRetention { org, months } => {
            let m =
                match months.as_str() {
                    "none" => None,
                    n => Some(n.parse::<u32>().with_context(|| {
                        format!("--months {n:?}: a number of months or \"none\"")
                    })?),
                };
            workspace::set_retention(&db, None, &org, m, now)
                .await
                .map_err(err)?;
            println!("retention set");
        }
        Admin::Purge => {
            let mk = master_key(&config)?;
            let p = workspace::purge_expired(&db, &mk, now).await.map_err(err)?;
            println!(
                "purged {} closed cases in {} organisations",
                p.cases, p.organizations
            );
        }
        Admin::RotateMasterKey => {
            let old = master_key(&config)?;
            let new = harbour_db::crypto::MasterKey::generate();
            let n = workspace::rotate_master_key(&db, &old, &new, now)
                .await
                .map_err(err)?;
            if std::env::var("HARBOUR_MASTER_KEY").is_ok_and(|v| !v.trim().is_empty()) {
                println!("re-wrapped {n} keys; set HARBOUR_MASTER_KEY to the new key and restart:");
                println!("{}", new.encoded());
            } else {
                let path = config.data_dir.join("master.key");
                let tmp = config.data_dir.join("master.key.new");
                let _ = std::fs::remove_file(&tmp);
                new.write_new(&tmp)
                    .context("cannot write the new key file")?;
                std::fs::rename(&tmp, &path).context("cannot replace the key file")?;
                println!(
                    "re-wrapped {n} keys; {} now holds the new key; restart every node",
                    path.display()
                );
            }
        }
        Admin::RotateKeys => {
            let mk = master_key(&config)?;
            let r = workspace::rotate_keys(&db, &mk, now).await.map_err(err)?;
            println!(
                "rotated {} organisations: {} fields re-encrypted, {} old keys destroyed",
                r.organizations, r.fields, r.keys_destroyed
            );
        }
    }
    Ok(())
}

async fn serve(config: Config, demo: bool) -> anyhow::Result<()> {
    let db = open(&config).await?;
    let (orgs, tax) = seed()?;
    let report = directory::load_seed(&db, &orgs, &tax, chrono::Utc::now()).await?;
    tracing::info!(
        inserted = report.organizations_inserted,
        updated = report.organizations_updated,
        unchanged = report.organizations_unchanged,
        "shipped directory loaded"
    );
    let web = harbour_web::WebConfig {
        quick_exit_url: config.quick_exit_url.clone(),
        master_key: master_key(&config)?,
    };
    if demo {
        let people = harbour_db::demo::load(&db, &web.master_key, chrono::Utc::now())
            .await
            .map_err(|e| anyhow::anyhow!("demo data: {e}"))?;
        println!(
            "Demo workspace: http://{}/workspace/ (fictional data)",
            config.listen
        );
        println!("organisation\trole\te-mail\tpassword\tTOTP secret");
        for p in people {
            println!(
                "{}\t{}\t{}\t{}\t{}",
                p.organization, p.role, p.email, p.password, p.totp_secret
            );
        }
    }
    let started = harbour_web::start(db.clone(), web, Arc::new(chrono::Utc::now)).await?;
    let state = started.state;
    let app = harbour_web::build(state.clone());
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("setting listen: cannot listen on {}", config.listen))?;
    tracing::info!(listen = %config.listen, "Harbour is serving");
    // Follow the database's change feed so that writes by other processes reach the index.
    // Retention: a daily job, leased in the database so that one node runs it.
    let retention = {
        let db = db.clone();
        let mk = state.config.master_key.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(600));
            loop {
                tick.tick().await;
                let now = chrono::Utc::now();
                let run = harbour_db::workspace::run_job_if_due(
                    &db,
                    "retention",
                    chrono::Duration::days(1),
                    now,
                    || async {
                        harbour_db::workspace::purge_expired(&db, &mk, now)
                            .await
                            .map(|p| format!("cases={}", p.cases))
                    },
                )
                .await;
                if let Err(e) = run {
                    tracing::warn!(code = e.code(), "retention job failed");
                }
            }
        })
    };
    // Reminders by e-mail: a daily job, like retention, when a mail relay is configured.
    let reminders = match &config.mail {
        None => {
            tracing::info!("reminders by e-mail are off (no mail_url)");
            None
        }
        Some(m) => {
            let mailer = harbour_web::mail::Mailer::new(&m.url, &m.from, &m.public_url)
                .map_err(|e| anyhow::anyhow!(e))?;
            let state = state.clone();
            Some(tokio::spawn(async move {
                let mut tick = tokio::time::interval(Duration::from_secs(600));
                loop {
                    tick.tick().await;
                    let run = harbour_db::workspace::run_job_if_due(
                        &state.db,
                        "reminders",
                        chrono::Duration::days(1),
                        chrono::Utc::now(),
                        || harbour_web::mail::send_reminders(&state, &mailer),
                    )
                    .await;
                    if let Err(e) = run {
                        tracing::warn!(code = e.code(), "reminder job failed");
                    }
                }
            }))
        }
    };
    let syncer = {
        let state = state.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(2));
            loop {
                tick.tick().await;
                if let Err(e) = state.sync().await {
                    tracing::warn!(error = format!("{e:#}"), "index update failed");
                }
            }
        })
    };
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown())
        .await?;
    syncer.abort();
    retention.abort();
    if let Some(r) = reminders {
        r.abort();
    }
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_directory_passes_import_validation() {
        let batch = harbour_domain::import::parse(super::SEED_DIRECTORY);
        assert!(batch.is_ok(), "{:?}", batch.err());
        let b = batch.unwrap_or_default();
        assert!(b.organizations.len() >= 100);
        let countries: std::collections::BTreeSet<String> = b
            .organizations
            .iter()
            .filter_map(|o| o.services.first()?.country().map(str::to_string))
            .collect();
        assert!(countries.len() >= 35, "{} countries", countries.len());
        assert!(super::seed().is_ok());
    }
}
