//! Reminders by e-mail, against a small SMTP server on 127.0.0.1 written here: who gets one,
//! in which language, and that a reminder holds counts and a link but nothing about a case.

use harbour_db::workspace as ws;
use harbour_domain::workspace::Role;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::support::{monday_morning, TestApp};

/// Accepts SMTP sessions and keeps each message's DATA; stops when the test ends.
async fn smtp_sink() -> (u16, tokio::sync::mpsc::UnboundedReceiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let tx = tx.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(buf) = data.as_mut() {
                        if line == "." {
                            let _ = tx.send(std::mem::take(buf));
                            data = None;
                            let _ = write.write_all(b"250 queued\r\n").await;
                        } else {
                            buf.push_str(&line);
                            buf.push('\n');
                        }
                        continue;
                    }
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250 sink\r\n"
                    } else if upper.starts_with("DATA") {
                        data = Some(String::new());
                        b"354 go on\r\n"
                    } else if upper.starts_with("QUIT") {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 ok\r\n"
                    };
                    let _ = write.write_all(reply).await;
                }
            });
        }
    });
    (port, rx)
}

#[tokio::test]
async fn reminders_go_to_owners_of_due_work_and_say_nothing_about_the_case() {
    let app = TestApp::new().await;
    let db = &app.db.db;
    let mk = &app.state.config.master_key;
    let now = monday_morning();
    let org = ws::create_organization(db, mk, "Org A", "ES", None, now)
        .await
        .expect("org");
    let mut people = Vec::new();
    for email in ["late@example.org", "ontime@example.org", "idle@example.org"] {
        let token = ws::invite(db, &org, Role::Caseworker, email, None, now)
            .await
            .expect("invite");
        let id = ws::accept_invitation(db, &token, "a long enough passphrase", now)
            .await
            .expect("accept");
        people.push(ws::actor(db, &id).await.expect("actor"));
    }
    ws::set_locale(db, &people[0].user_id, "en")
        .await
        .expect("locale");
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    let case = ws::create_case(
        db,
        mk,
        &people[0],
        &org,
        &ws::Intake {
            pseudonym: "ReminderCanaryK2".into(),
            ..Default::default()
        },
        now,
    )
    .await
    .expect("case");
    // overdue and due tomorrow for the first person; due in a week for the second; none for the third
    for (owner, due, text) in [
        (0, "2026-11-20", "ActionCanaryOverdue"),
        (0, "2026-12-01", "ActionCanarySoon"),
        (1, "2026-12-07", "ActionCanaryLater"),
    ] {
        ws::add_action(
            db,
            mk,
            &people[0],
            &case.id,
            "legal",
            text,
            Some(&people[owner].user_id),
            Some(d(due)),
            now,
        )
        .await
        .expect("action");
    }
    let digests = ws::reminder_digests(db, now).await.expect("digests");
    assert_eq!(digests.len(), 1, "{digests:?}");
    assert_eq!(digests[0].email, "late@example.org");
    assert_eq!((digests[0].overdue, digests[0].due_soon), (1, 1));

    let (port, mut inbox) = smtp_sink().await;
    let mailer = harbour_web::mail::Mailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "Harbour <harbour@example.org>",
        "https://harbour.example.org",
    )
    .expect("mailer");
    let summary = harbour_web::mail::send_reminders(&app.state, &mailer)
        .await
        .expect("send");
    assert_eq!(summary, "sent=1 failed=0");
    let message = inbox.recv().await.expect("a message");
    assert!(message.contains("To: late@example.org"), "{message}");
    assert!(message.contains("Subject: Harbour: work due in your cases"));
    assert!(message.contains("1 overdue and 1 soon due"), "{message}");
    assert!(message.contains("https://harbour.example.org/workspace/"));
    for secret in [
        "ReminderCanaryK2",
        "ActionCanary",
        &case.reference,
        &case.id,
    ] {
        assert!(!message.contains(secret), "{secret} in a reminder");
    }
    // recorded in the audit chain (counts only), which still verifies
    assert!(ws::verify_audit(db).await.expect("verify").is_ok());
    // once the work is done, nobody is reminded
    let plan = ws::plan(db, mk, &people[0], &case.id, now)
        .await
        .expect("plan");
    for a in plan.iter().filter(|a| !a.done) {
        ws::complete_action(db, &people[0], &case.id, &a.id, now)
            .await
            .expect("done");
    }
    assert!(ws::reminder_digests(db, now)
        .await
        .expect("digests")
        .is_empty());
    // bad settings name the setting
    for (url, from, public, setting) in [
        ("ftp://x", "a@b.org", "https://h", "mail_url"),
        ("smtp://x:port", "a@b.org", "https://h", "mail_url"),
        ("smtp://x", "not an address", "https://h", "mail_from"),
        ("smtp://x", "a@b.org", "harbour.example.org", "public_url"),
    ] {
        match harbour_web::mail::Mailer::new(url, from, public) {
            Err(e) => assert!(e.contains(setting), "{e}"),
            Ok(_) => panic!("{url} {from} {public} accepted"),
        }
    }
}
