//! The binary as an operator uses it: serve, migrate, import, export, on the backend named by
//! the environment (SQLite by default, PostgreSQL when HARBOUR_TEST_POSTGRES_URL is set).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use harbour_db::testing::TestDb;

const BIN: &str = env!("CARGO_BIN_EXE_harbour");

struct Env {
    dir: tempfile::TempDir,
    db: TestDb,
}

impl Env {
    async fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tmp"),
            db: TestDb::new().await.expect("db"),
        }
    }
    fn cmd(&self) -> Command {
        let mut c = Command::new(BIN);
        c.arg("--data-dir")
            .arg(self.dir.path())
            .arg("--database-url")
            .arg(&self.db.url);
        c.env_remove("HARBOUR_LISTEN").env("HARBOUR_LOG", "warn");
        c
    }
    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run harbour")
    }
    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port")
}

fn get(port: u16, path: &str) -> Option<(u16, String)> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    let status = out.get(9..12)?.parse().ok()?;
    Some((status, out))
}

fn post_form(port: u16, path: &str, form: &str) -> Option<u16> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        s,
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    )
    .ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    out.get(9..12)?.parse().ok()
}

fn start(env: &Env) -> (Child, u16) {
    let mut cmd = env.cmd();
    cmd.stderr(Stdio::null());
    start_with(cmd)
}

fn start_with(mut cmd: Command) -> (Child, u16) {
    let port = free_port();
    let mut child = cmd
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn");
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(60) {
        if get(port, "/readyz").is_some_and(|(s, _)| s == 200) {
            return (child, port);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("harbour did not become ready");
}

fn stop(mut child: Child) -> std::process::ExitStatus {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let t = Instant::now();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return status;
        }
        if t.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("harbour did not stop on SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn total_services(port: u16) -> u64 {
    let (_, body) = get(port, "/hsds/services?per_page=1").expect("services");
    let json = body.split("\r\n\r\n").nth(1).unwrap_or("");
    // chunked or not, the number follows "total_items":
    let i = json.find("\"total_items\":").expect("total_items") + 14;
    json[i..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("number")
}

#[tokio::test]
async fn help_on_every_command() {
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["migrate", "--help"],
        vec!["import", "--help"],
        vec!["export", "--help"],
        vec!["admin", "--help"],
        vec!["admin", "create-org", "--help"],
        vec!["admin", "list-orgs", "--help"],
        vec!["admin", "invite", "--help"],
        vec!["admin", "verify-audit", "--help"],
        vec!["admin", "rotate-keys", "--help"],
        vec!["admin", "set-retention", "--help"],
        vec!["admin", "purge", "--help"],
        vec!["admin", "rotate-master-key", "--help"],
    ] {
        let o = Command::new(BIN).args(&args).output().expect("run");
        assert!(o.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("Usage"),
            "{args:?}"
        );
    }
}

#[tokio::test]
async fn an_unknown_database_scheme_is_an_error_naming_the_setting() {
    let dir = tempfile::tempdir().expect("tmp");
    let o = Command::new(BIN)
        .args(["--database-url", "mysql://localhost/x", "--data-dir"])
        .arg(dir.path())
        .arg("migrate")
        .output()
        .expect("run");
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("database_url"));
    let o = Command::new(BIN)
        .env("HARBOUR_DATABASE_URL", "harbour.db")
        .arg("migrate")
        .output()
        .expect("run");
    assert!(!o.status.success());
    assert!(!Path::new("harbour.db").exists());
}

#[tokio::test]
async fn serve_loads_the_directory_once_and_stops_cleanly_on_sigterm() {
    let env = Env::new().await;
    let (child, port) = start(&env);
    let first = total_services(port);
    assert!(first >= 150, "{first} services");
    assert_eq!(get(port, "/en/").map(|r| r.0), Some(200));
    let status = stop(child);
    assert!(status.success(), "exit status {status:?}");
    // a restart never duplicates
    let (child, port) = start(&env);
    assert_eq!(total_services(port), first);
    assert!(stop(child).success());
}

#[tokio::test]
async fn logs_carry_paths_but_never_what_a_person_searched_for() {
    let env = Env::new().await;
    let log_path = env.dir.path().join("serve.log");
    let log = std::fs::File::create(&log_path).expect("log file");
    let mut cmd = env.cmd();
    cmd.env("HARBOUR_LOG", "debug");
    let (child, port) = start_with({
        cmd.stderr(log);
        cmd
    });
    assert_eq!(
        get(port, "/en/support?q=secretquery&near=Krakow").map(|r| r.0),
        Some(200)
    );
    let posted = post_form(
        port,
        "/en/support",
        "q=secretbody&lat=50.061234&lon=19.937654&crime_country=PL",
    );
    assert_eq!(posted, Some(200));
    assert_eq!(
        get(port, "/hsds/services?search=secretapi").map(|r| r.0),
        Some(200)
    );
    assert!(stop(child).success());
    let logs = std::fs::read_to_string(&log_path).expect("read log");
    assert!(logs.contains("/en/support"), "requests are logged: {logs}");
    assert!(
        logs.contains("/hsds/services"),
        "requests are logged: {logs}"
    );
    for secret in [
        "secretquery",
        "Krakow",
        "secretbody",
        "50.061234",
        "19.937654",
        "secretapi",
    ] {
        assert!(
            !logs.contains(secret),
            "{secret} leaked into the log: {logs}"
        );
    }
}

#[tokio::test]
async fn invalid_import_is_rejected_with_its_path_and_changes_nothing() {
    let env = Env::new().await;
    assert!(env.run(&["migrate"]).status.success());
    let bad = env.path("bad.json");
    std::fs::write(&bad, r#"[{"id":"a1000000-0000-4000-8000-000000000001","name":"Good","description":"d","services":[{"id":"a1000000-0000-4000-8000-000000000002","name":"S","status":"active"}]},
        {"id":"a1000000-0000-4000-8000-000000000003","name":"Bad","description":"d","services":[{"id":"a1000000-0000-4000-8000-000000000004","name":"S","status":"active","phones":[{"id":"a1000000-0000-4000-8000-000000000005","number":""}]}]}]"#).expect("write");
    let o = env.run(&["import", &bad]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("$[1].services[0].phones[0].number"), "{err}");
    let out = env.path("after.json");
    assert!(env
        .run(&["export", "--format", "hsds", "--out", &out])
        .status
        .success());
    assert_eq!(
        std::fs::read_to_string(&out).expect("read").trim(),
        "[]",
        "nothing half-imported"
    );
}

#[tokio::test]
async fn export_then_import_into_an_empty_database_is_lossless() {
    // database A: the shipped directory plus an organization with locations and extra HSDS fields
    let a = Env::new().await;
    let (child, _) = start(&a);
    assert!(stop(child).success());
    let extra = a.path("extra.json");
    std::fs::write(&extra, r#"{"id":"b1000000-0000-4000-8000-000000000001","name":"Round trip","description":"d","tax_status":"charity",
        "services":[{"id":"b1000000-0000-4000-8000-000000000002","name":"Trip","status":"active","wait_time":"none",
        "schedules":[{"id":"b1000000-0000-4000-8000-000000000003","freq":"WEEKLY","byday":"MO","opens_at":"09:00","closes_at":"12:00"}],
        "service_at_locations":[{"id":"b1000000-0000-4000-8000-000000000004","location":{"id":"b1000000-0000-4000-8000-000000000005","location_type":"physical","latitude":45.1,"longitude":9.2,"addresses":[{"id":"b1000000-0000-4000-8000-000000000006","address_1":"Via 1","city":"Milano","state_province":"MI","postal_code":"20100","country":"IT","address_type":"physical"}]}}],
        "x_harbour":{"country":"IT","translations":{"fr":{"name":"Aller-retour"}},"sources":["https://example.org/s"],"last_verified":"2026-01-02"}}]}"#).expect("write");
    assert!(a.run(&["import", &extra]).status.success());
    let first = a.path("first.json");
    let o = a.run(&["export", "--format", "hsds", "--out", &first]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    // database B: empty, then import A's export, then export again
    let b = Env::new().await;
    let o = b.run(&["import", &first]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let second = b.path("second.json");
    assert!(b
        .run(&["export", "--format", "hsds", "--out", &second])
        .status
        .success());

    let x: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&first).expect("a")).expect("json");
    let y: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&second).expect("b")).expect("json");
    assert!(x.as_array().expect("list").len() >= 150);
    assert_eq!(x, y, "export → import → export changed the data");
    let text = x.to_string();
    assert!(
        text.contains("\"tax_status\":\"charity\"")
            && text.contains("Aller-retour")
            && text.contains("Via 1")
    );

    // CSV: HSDS tabular files
    let csv_dir = b.path("csv");
    assert!(b
        .run(&["export", "--format", "csv", "--out", &csv_dir])
        .status
        .success());
    let services =
        std::fs::read_to_string(Path::new(&csv_dir).join("services.csv")).expect("services.csv");
    assert!(services.starts_with("id,organization_id,name"));
    assert!(services.lines().count() > 150);
    assert!(
        !b.run(&["export", "--format", "csv"]).status.success(),
        "csv needs --out"
    );
}

#[tokio::test]
async fn admin_creates_organisations_invites_rotates_keys_and_verifies_the_audit_log() {
    let env = Env::new().await;
    let o = env.run(&[
        "admin",
        "create-org",
        "--name",
        "Fundación Ejemplo",
        "--country",
        "es",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let org = String::from_utf8_lossy(&o.stdout).trim().to_string();
    assert_eq!(org.len(), 36);
    // the master key file was created, readable by its owner only
    let key = env.dir.path().join("master.key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key)
            .expect("master.key")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let o = env.run(&["admin", "list-orgs"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Fundación Ejemplo"));
    let o = env.run(&[
        "admin",
        "invite",
        "--org",
        &org,
        "--role",
        "caseworker",
        "--email",
        "cw@example.org",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        String::from_utf8_lossy(&o.stdout).starts_with("http://127.0.0.1:8080/workspace/invite/")
    );
    let bad = env.run(&[
        "admin",
        "invite",
        "--org",
        &org,
        "--role",
        "boss",
        "--email",
        "x@example.org",
    ]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--role"));
    let o = env.run(&["admin", "rotate-keys"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("rotated 1 organisations"));
    let o = env.run(&["admin", "set-retention", "--org", &org, "--months", "24"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = env.run(&["admin", "purge"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("purged 0 closed cases"));
    // a new master key: the key file changes, everything still opens
    let before = std::fs::read_to_string(&key).expect("key");
    let o = env.run(&["admin", "rotate-master-key"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_ne!(std::fs::read_to_string(&key).expect("key"), before);
    let o = env.run(&["admin", "rotate-keys"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = env.run(&["admin", "verify-audit"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("intact: 6 entries"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // tamper with the log: verify-audit fails and says where
    sqlx::query("UPDATE audit_log SET detail = 'role=org_admin' WHERE seq = 2")
        .execute(env.db.db.pool())
        .await
        .expect("tamper");
    let o = env.run(&["admin", "verify-audit"]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("entry 2"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // a different master key opens nothing: rotation refuses rather than destroying data
    let o = env
        .cmd()
        .env("HARBOUR_MASTER_KEY", "0".repeat(64))
        .args(["admin", "rotate-keys"])
        .output()
        .expect("run");
    assert!(!o.status.success());
}

#[tokio::test]
async fn serve_demo_prints_its_accounts_and_demo_data_needs_the_flag() {
    let env = Env::new().await;
    // without the flag: no demo organisation
    let (child, _) = start(&env);
    assert!(stop(child).success());
    let o = env.run(&["admin", "list-orgs"]);
    assert!(String::from_utf8_lossy(&o.stdout).trim().is_empty());
    let out_path = env.dir.path().join("demo.out");
    let out = std::fs::File::create(&out_path).expect("file");
    let mut cmd = env.cmd();
    cmd.stdout(out).stderr(Stdio::null());
    let port = free_port();
    let mut child = cmd
        .args(["serve", "--demo", "--listen", &format!("127.0.0.1:{port}")])
        .spawn()
        .expect("spawn");
    let t = Instant::now();
    while get(port, "/readyz").is_none_or(|(s, _)| s != 200) {
        assert!(t.elapsed() < Duration::from_secs(60), "not ready");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(get(port, "/workspace/login").map(|r| r.0), Some(200));
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    let printed = std::fs::read_to_string(&out_path).expect("read");
    assert!(printed.contains("caseworker.es@demo.invalid"), "{printed}");
    assert!(printed.contains("demo-"));
    let o = env.run(&["admin", "list-orgs"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
}

fn send(port: u16, raw: &str) -> String {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    s.write_all(raw.as_bytes()).expect("write");
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

#[tokio::test]
async fn case_data_never_reaches_the_logs() {
    let env = Env::new().await;
    let o = env.run(&[
        "admin",
        "create-org",
        "--name",
        "Log Test",
        "--country",
        "fr",
    ]);
    let org = String::from_utf8_lossy(&o.stdout).trim().to_string();
    let now = chrono::Utc::now();
    let db = &env.db.db;
    let token = harbour_db::workspace::invite(
        db,
        &org,
        harbour_domain::workspace::Role::Caseworker,
        "cw@example.org",
        None,
        now,
    )
    .await
    .expect("invite");
    let user =
        harbour_db::workspace::accept_invitation(db, &token, "a long enough passphrase", now)
            .await
            .expect("accept");
    let api = harbour_db::auth::create_token(
        db,
        &user,
        "log test",
        &["cases:read".to_string(), "cases:write".to_string()],
        1,
        now,
    )
    .await
    .expect("token");
    let log_path = env.dir.path().join("serve.log");
    let mut cmd = env.cmd();
    cmd.env("HARBOUR_LOG", "debug")
        .stderr(std::fs::File::create(&log_path).expect("log"));
    let (child, port) = start_with(cmd);
    let body = r#"{"pseudonym":"LogCanaryPseudonym","name":"Log Canary Name","narrative":"LogCanaryNarrative"}"#;
    let created = send(
        port,
        &format!(
            "POST /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer {api}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    );
    assert!(created.starts_with("HTTP/1.1 201"), "{created}");
    let id = created
        .split("\"id\":\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("id")
        .to_string();
    let read = send(
        port,
        &format!("GET /api/v1/cases/{id} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer {api}\r\n\r\n"),
    );
    assert!(read.contains("LogCanaryNarrative"));
    assert!(stop(child).success());
    let logs = std::fs::read_to_string(&log_path).expect("log");
    assert!(logs.contains("/api/v1/cases"), "requests are logged");
    for secret in [
        "LogCanaryPseudonym",
        "Log Canary Name",
        "LogCanaryNarrative",
        &api[4..],
    ] {
        assert!(!logs.contains(secret), "{secret} leaked into the log");
    }
}
