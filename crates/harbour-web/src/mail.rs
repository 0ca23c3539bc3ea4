//! Reminders by e-mail. Harbour hands mail to a relay it trusts — an SMTP server on the same
//! host or network (`smtp://host:port`, which does TLS and authentication onwards) or the local
//! `sendmail` — and writes nothing in a reminder but counts and a link: no name, pseudonym,
//! case reference or action, so that a reminder read over someone's shoulder reveals nothing.

use harbour_db::workspace as ws;
use harbour_domain::Locale;
use lettre::message::Mailbox;
use lettre::{AsyncSendmailTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::state::AppState;

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Sendmail(AsyncSendmailTransport<Tokio1Executor>),
}

pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    /// The workspace's address as people reach it, e.g. `https://harbour.example.org`.
    public_url: String,
}

impl Mailer {
    /// `url`: `smtp://HOST[:PORT]` (port 25 by default) or `sendmail` / `sendmail:/path`.
    /// Errors name the setting.
    pub fn new(url: &str, from: &str, public_url: &str) -> Result<Mailer, String> {
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("setting mail_from: {from:?} is not an address ({e})"))?;
        if !(public_url.starts_with("https://") || public_url.starts_with("http://")) {
            return Err(
                "setting public_url: must start with https:// (or http:// for a test)".into(),
            );
        }
        let transport = if let Some(rest) = url.strip_prefix("smtp://") {
            let (host, port) = match rest.trim_end_matches('/').rsplit_once(':') {
                Some((h, p)) => (
                    h.to_string(),
                    p.parse::<u16>()
                        .map_err(|_| format!("setting mail_url: bad port in {url:?}"))?,
                ),
                None => (rest.trim_end_matches('/').to_string(), 25),
            };
            if host.is_empty() {
                return Err(format!("setting mail_url: no host in {url:?}"));
            }
            Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
                    .port(port)
                    .build(),
            )
        } else if url == "sendmail" {
            Transport::Sendmail(AsyncSendmailTransport::<Tokio1Executor>::new())
        } else if let Some(path) = url.strip_prefix("sendmail:") {
            Transport::Sendmail(AsyncSendmailTransport::<Tokio1Executor>::new_with_command(
                path,
            ))
        } else {
            return Err(format!(
                "setting mail_url: must be smtp://HOST[:PORT], sendmail or sendmail:/path (got {url:?})"
            ));
        };
        Ok(Mailer {
            transport,
            from,
            public_url: public_url.trim_end_matches('/').to_string(),
        })
    }

    /// Sends one message. The error is a kind only: a relay's answer can quote the address.
    async fn send(&self, to: &str, subject: String, body: String) -> Result<(), &'static str> {
        let to: Mailbox = to.parse().map_err(|_| "recipient address")?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .body(body)
            .map_err(|_| "message")?;
        match &self.transport {
            Transport::Smtp(t) => t.send(message).await.map(|_| ()).map_err(|e| {
                if e.is_permanent() {
                    "smtp: refused"
                } else if e.is_transient() {
                    "smtp: try again later"
                } else {
                    "smtp: no connection"
                }
            }),
            Transport::Sendmail(t) => t.send(message).await.map_err(|_| "sendmail failed"),
        }
    }
}

/// Sends today's reminders; each one sent is recorded in the audit log. Returns a summary for
/// the job table.
pub async fn send_reminders(
    state: &AppState,
    mailer: &Mailer,
) -> Result<String, ws::WorkspaceError> {
    let now = state.now();
    let mut sent = 0usize;
    let mut failed = 0usize;
    for d in ws::reminder_digests(&state.db, now).await? {
        let locale = d
            .locale
            .as_deref()
            .and_then(Locale::parse)
            .unwrap_or(Locale::En);
        let args = [
            ("overdue", fluent_bundle::FluentValue::from(d.overdue)),
            ("due", fluent_bundle::FluentValue::from(d.due_soon)),
            (
                "url",
                fluent_bundle::FluentValue::from(format!("{}/workspace/", mailer.public_url)),
            ),
        ];
        let subject = state.i18n.t(locale, "ws-mail-subject", &[]);
        let body = state.i18n.t(locale, "ws-mail-body", &args);
        match mailer.send(&d.email, subject, body).await {
            Ok(()) => {
                ws::record_reminder(&state.db, &d, now).await?;
                sent += 1;
            }
            Err(e) => {
                // the kind of failure, never the address
                tracing::warn!(error = e, "a reminder could not be sent");
                failed += 1;
            }
        }
    }
    Ok(format!("sent={sent} failed={failed}"))
}
