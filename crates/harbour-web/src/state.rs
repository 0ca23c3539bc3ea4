//! What every handler can reach: the database, the catalog (search index and served documents),
//! country profiles, the gazetteer, the UI catalogues, metrics and the clock.

use chrono::{DateTime, Utc};
use harbour_db::directory::TaxonomyWithTerms;
use harbour_db::Db;
use harbour_domain::geo::Gazetteer;
use harbour_domain::{CountryCode, CountryProfile};
use harbour_search::Catalog;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, RwLock};

use crate::i18n::I18n;
use crate::metrics::Metrics;

pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// Settings the web layer needs.
#[derive(Clone, Debug)]
pub struct WebConfig {
    /// Where quick exit sends people. Default: Harbour's own neutral page (`/exit`), so that no
    /// request goes to another host.
    pub quick_exit_url: String,
    /// Wraps the organisations' data keys and people's two-factor secrets. The default is a
    /// fresh random key (for tests); `harbour serve` passes the configured one.
    pub master_key: harbour_db::crypto::MasterKey,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            quick_exit_url: "/exit".into(),
            master_key: harbour_db::crypto::MasterKey::generate(),
        }
    }
}

pub struct Inner {
    pub db: Db,
    pub catalog: Catalog,
    pub countries: Vec<CountryProfile>,
    pub country_index: HashMap<CountryCode, usize>,
    pub gazetteer: Gazetteer,
    /// The rights navigator's knowledge base (`content/`).
    pub knowledge: harbour_domain::rights::Knowledge,
    pub taxonomies: RwLock<Vec<TaxonomyWithTerms>>,
    pub i18n: I18n,
    pub metrics: Metrics,
    pub clock: Clock,
    pub config: WebConfig,
    /// Directory version the catalog reflects.
    pub version: AtomicI64,
    pub ready: AtomicBool,
    /// Organization id → (name, country), for result lists.
    pub organizations: RwLock<HashMap<uuid::Uuid, (String, Option<String>)>>,
}

#[derive(Clone)]
pub struct AppState(pub Arc<Inner>);

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    pub fn country(&self, cc: CountryCode) -> Option<&CountryProfile> {
        self.country_index
            .get(&cc)
            .and_then(|i| self.countries.get(*i))
    }

    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Relaxed)
    }

    /// Brings the catalog up to date with the database's change feed. Called at start and then
    /// every few seconds (and after a write through this node).
    pub async fn sync(&self) -> anyhow::Result<usize> {
        let from = self.version.load(Ordering::SeqCst);
        if from < 0 {
            return self.load_all().await;
        }
        // one single-row read every few seconds; the change queries only when something changed
        if harbour_db::directory::current_version(&self.db).await? == from {
            return Ok(0);
        }
        let changes = harbour_db::directory::changes_since(&self.db, from).await?;
        if changes.version == from {
            return Ok(0);
        }
        let n = changes.services.len() + changes.removed.len();
        self.remember_organizations(&changes.organizations)?;
        self.catalog.upsert(
            changes
                .services
                .iter()
                .map(|s| (&s.service, s.modified_at.as_str())),
        )?;
        self.catalog.remove(&changes.removed)?;
        self.refresh_taxonomies().await;
        self.version.store(changes.version, Ordering::SeqCst);
        self.metrics.services.set(self.catalog.len() as i64);
        tracing::info!(
            directory.version = changes.version,
            changed = n,
            "search index updated"
        );
        Ok(n)
    }

    fn remember_organizations(
        &self,
        list: &[harbour_domain::hsds::Organization],
    ) -> anyhow::Result<()> {
        let mut orgs = self
            .organizations
            .write()
            .map_err(|_| anyhow::anyhow!("poisoned"))?;
        for o in list {
            let cc = o.x_harbour.as_ref().and_then(|p| p.country.clone());
            orgs.insert(o.id, (o.name.clone(), cc));
        }
        Ok(())
    }

    async fn refresh_taxonomies(&self) {
        match harbour_db::directory::taxonomies(&self.db).await {
            Ok(t) => {
                if let Ok(mut w) = self.taxonomies.write() {
                    *w = t;
                }
            }
            Err(e) => tracing::warn!(error = %e, "taxonomies not reloaded"),
        }
    }

    /// First load: the whole directory, a page at a time (memory stays bounded however large
    /// the directory), made searchable with one commit.
    async fn load_all(&self) -> anyhow::Result<usize> {
        use harbour_db::directory;
        let version = directory::current_version(&self.db).await?;
        self.remember_organizations(&directory::organization_shells(&self.db).await?)?;
        let mut after: Option<String> = None;
        let mut n = 0;
        self.catalog.begin_bulk()?;
        loop {
            let page = directory::services_page(&self.db, after.as_deref(), 2000).await?;
            let Some(last) = page.last() else { break };
            after = Some(last.service.id.to_string());
            n += self
                .catalog
                .stage(page.iter().map(|s| (&s.service, s.modified_at.as_str())))?;
        }
        self.catalog.commit()?;
        self.catalog.optimize()?;
        self.refresh_taxonomies().await;
        // anything written while loading is applied again by the next sync (idempotent)
        self.version.store(version, Ordering::SeqCst);
        self.metrics.services.set(self.catalog.len() as i64);
        tracing::info!(
            directory.version = version,
            services = n,
            index_bytes = self.catalog.index_bytes(),
            "search index built"
        );
        Ok(n)
    }
}
