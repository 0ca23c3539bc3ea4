//! `harbour export`: the directory as HSDS JSON (organizations with nested services) or as
//! HSDS tabular CSV files. Confidential locations are redacted here too.

use anyhow::Context;
use harbour_db::Db;
use harbour_domain::hsds::Organization;
use std::io::Write;
use std::path::Path;

pub async fn organizations(db: &Db) -> anyhow::Result<Vec<Organization>> {
    let orgs = harbour_db::directory::all_organizations(db).await?;
    Ok(orgs
        .iter()
        .map(|o| {
            let mut r = o.redacted();
            for s in &mut r.services {
                s.extra.remove("last_modified");
            }
            r
        })
        .collect())
}

pub fn hsds_json(orgs: &[Organization]) -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(orgs)?)
}

fn write_table(
    dir: &Path,
    name: &str,
    header: &[&str],
    rows: Vec<Vec<String>>,
) -> anyhow::Result<()> {
    let path = dir.join(name);
    let mut w = csv::Writer::from_path(&path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    w.write_record(header)?;
    for r in rows {
        w.write_record(r)?;
    }
    w.flush()?;
    Ok(())
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// HSDS tabular files (a subset of the HSDS CSV tables: the ones Harbour's data fills).
pub fn hsds_csv(orgs: &[Organization], dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut o_rows = Vec::new();
    let mut s_rows = Vec::new();
    let mut p_rows = Vec::new();
    let mut sch_rows = Vec::new();
    let mut l_rows = Vec::new();
    let mut a_rows = Vec::new();
    let mut attr_rows = Vec::new();
    for o in orgs {
        o_rows.push(vec![
            o.id.to_string(),
            o.name.clone(),
            opt(&o.alternate_name),
            o.description.clone(),
            opt(&o.email),
            opt(&o.website),
        ]);
        for s in &o.services {
            s_rows.push(vec![
                s.id.to_string(),
                o.id.to_string(),
                s.name.clone(),
                opt(&s.alternate_name),
                opt(&s.description),
                opt(&s.url),
                opt(&s.email),
                s.status.clone(),
                opt(&s.fees_description),
            ]);
            for p in &s.phones {
                p_rows.push(vec![
                    p.id.to_string(),
                    s.id.to_string(),
                    p.number.clone(),
                    opt(&p.kind),
                    opt(&p.description),
                ]);
            }
            for sch in &s.schedules {
                sch_rows.push(vec![
                    sch.id.to_string(),
                    s.id.to_string(),
                    opt(&sch.freq),
                    opt(&sch.byday),
                    opt(&sch.opens_at),
                    opt(&sch.closes_at),
                    opt(&sch.description),
                ]);
            }
            for l in &s.languages {
                l_rows.push(vec![
                    l.id.to_string(),
                    s.id.to_string(),
                    opt(&l.name),
                    opt(&l.code),
                ]);
            }
            for a in &s.service_areas {
                a_rows.push(vec![
                    a.id.to_string(),
                    s.id.to_string(),
                    opt(&a.name),
                    opt(&a.description),
                ]);
            }
            for at in &s.attributes {
                attr_rows.push(vec![
                    at.id.to_string(),
                    at.link_id.to_string(),
                    at.link_entity.clone(),
                    at.taxonomy_term.id.to_string(),
                    opt(&at.value),
                ]);
            }
        }
    }
    write_table(
        dir,
        "organizations.csv",
        &[
            "id",
            "name",
            "alternate_name",
            "description",
            "email",
            "website",
        ],
        o_rows,
    )?;
    write_table(
        dir,
        "services.csv",
        &[
            "id",
            "organization_id",
            "name",
            "alternate_name",
            "description",
            "url",
            "email",
            "status",
            "fees_description",
        ],
        s_rows,
    )?;
    write_table(
        dir,
        "phones.csv",
        &["id", "service_id", "number", "type", "description"],
        p_rows,
    )?;
    write_table(
        dir,
        "schedules.csv",
        &[
            "id",
            "service_id",
            "freq",
            "byday",
            "opens_at",
            "closes_at",
            "description",
        ],
        sch_rows,
    )?;
    write_table(
        dir,
        "languages.csv",
        &["id", "service_id", "name", "code"],
        l_rows,
    )?;
    write_table(
        dir,
        "service_areas.csv",
        &["id", "service_id", "name", "description"],
        a_rows,
    )?;
    write_table(
        dir,
        "attributes.csv",
        &["id", "link_id", "link_entity", "taxonomy_term_id", "value"],
        attr_rows,
    )?;
    Ok(())
}

pub fn write_out(text: &str, out: Option<&Path>) -> anyhow::Result<()> {
    match out {
        Some(p) => std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            stdout.write_all(b"\n")?;
            Ok(())
        }
    }
}
