//! Field-level encryption at rest and keyed hashes for search.
//!
//! Key hierarchy: one **master key** (32 bytes, from `HARBOUR_MASTER_KEY` or a key file created
//! with mode 0600) wraps the **data keys** of each organisation (table `org_keys`, one active
//! key per purpose). A field is sealed with XChaCha20-Poly1305 under the organisation's active
//! data key; the associated data binds the ciphertext to its organisation, table, column and
//! row, so a ciphertext copied to another row or field does not open. Every ciphertext names its
//! key id, so rotation can introduce a new key while old ciphertexts stay readable, then
//! re-encrypt and delete the old key (which crypto-shreds anything a backup still holds).
//!
//! Search by name uses HMAC-SHA-256 under a separate per-organisation index key, over a
//! normalised form of the name: equal names give equal hashes, the hash reveals nothing else.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, OsRng, Payload};
use chacha20poly1305::{AeadCore, XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand_core::RngCore;
use sha2::{Digest, Sha256};
use std::path::Path;
use zeroize::Zeroizing;

/// Prefix of every sealed field, with the format version.
const PREFIX: &str = "h1.";

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("the master key must be 32 bytes, given as 64 hex digits or unpadded base64url")]
    BadMasterKey,
    #[error("cannot read or create the master key file {path}: {reason}")]
    KeyFile { path: String, reason: String },
    #[error("a sealed value could not be opened (wrong key, wrong place or altered)")]
    Open,
    #[error("no key {0} for this organisation")]
    UnknownKey(String),
    #[error("the key was wrapped by master key {0}, which is not the one loaded")]
    OtherMaster(String),
}

/// The master key. Never stored in the database; its id (a hash prefix) is.
#[derive(Clone)]
pub struct MasterKey {
    key: Zeroizing<[u8; 32]>,
    id: String,
}

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MasterKey({})", self.id)
    }
}

fn decode_key(text: &str) -> Option<[u8; 32]> {
    let t = text.trim();
    let bytes = if t.len() == 64 && t.chars().all(|c| c.is_ascii_hexdigit()) {
        (0..32)
            .map(|i| {
                t.get(i * 2..i * 2 + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            })
            .collect::<Option<Vec<u8>>>()?
    } else {
        B64.decode(t).ok()?
    };
    bytes.try_into().ok()
}

impl MasterKey {
    pub fn from_bytes(bytes: [u8; 32]) -> MasterKey {
        let digest = Sha256::digest(bytes);
        let id = format!("mk-{}", hex(digest.get(..6).unwrap_or(&[])));
        MasterKey {
            key: Zeroizing::new(bytes),
            id,
        }
    }

    /// Parses 64 hex digits or unpadded base64url.
    pub fn parse(text: &str) -> Result<MasterKey, CryptoError> {
        decode_key(text)
            .map(MasterKey::from_bytes)
            .ok_or(CryptoError::BadMasterKey)
    }

    pub fn generate() -> MasterKey {
        let mut k = [0u8; 32];
        OsRng.fill_bytes(&mut k);
        MasterKey::from_bytes(k)
    }

    /// Reads the key file, or creates it (mode 0600) with a new random key.
    pub fn load_or_create(path: &Path) -> Result<MasterKey, CryptoError> {
        let err = |reason: String| CryptoError::KeyFile {
            path: path.display().to_string(),
            reason,
        };
        match std::fs::read_to_string(path) {
            Ok(text) => MasterKey::parse(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = MasterKey::generate();
                key.write_new(path)?;
                Ok(key)
            }
            Err(e) => Err(err(e.to_string())),
        }
    }

    /// Writes this key to a new file, readable by its owner only (mode 0600).
    pub fn write_new(&self, path: &Path) -> Result<(), CryptoError> {
        let err = |reason: String| CryptoError::KeyFile {
            path: path.display().to_string(),
            reason,
        };
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let mut f = opts.open(path).map_err(|e| err(e.to_string()))?;
        use std::io::Write;
        writeln!(f, "{}", self.encoded()).map_err(|e| err(e.to_string()))?;
        f.sync_all().map_err(|e| err(e.to_string()))
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// The key as stored in a key file (base64url).
    pub fn encoded(&self) -> String {
        B64.encode(*self.key)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(self.key.as_ref().into())
    }

    /// Wraps a data key; the associated data names the organisation and the key id.
    pub fn wrap(&self, org: &str, key_id: &str, dek: &DataKey) -> String {
        seal_raw(&self.cipher(), &wrap_aad(org, key_id), dek.0.as_ref())
    }

    pub fn unwrap(&self, org: &str, key_id: &str, wrapped: &str) -> Result<DataKey, CryptoError> {
        let bytes = open_raw(&self.cipher(), &wrap_aad(org, key_id), wrapped)?;
        let arr: [u8; 32] = bytes.as_slice().try_into().map_err(|_| CryptoError::Open)?;
        Ok(DataKey(Zeroizing::new(arr)))
    }
}

impl MasterKey {
    /// Seals a small secret that belongs to no organisation (a person's two-factor secret),
    /// bound to its purpose and owner.
    pub fn seal_secret(&self, purpose: &str, owner: &str, secret: &[u8]) -> String {
        seal_raw(
            &self.cipher(),
            format!("harbour-secret|{purpose}|{owner}").as_bytes(),
            secret,
        )
    }

    pub fn open_secret(
        &self,
        purpose: &str,
        owner: &str,
        sealed: &str,
    ) -> Result<Vec<u8>, CryptoError> {
        open_raw(
            &self.cipher(),
            format!("harbour-secret|{purpose}|{owner}").as_bytes(),
            sealed,
        )
    }
}

/// Random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    OsRng.fill_bytes(&mut b);
    b
}

fn wrap_aad(org: &str, key_id: &str) -> Vec<u8> {
    format!("harbour-key|{org}|{key_id}").into_bytes()
}

/// A data key of one organisation (plaintext only in memory).
#[derive(Clone)]
pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    pub fn generate() -> DataKey {
        let mut k = [0u8; 32];
        OsRng.fill_bytes(&mut k);
        DataKey(Zeroizing::new(k))
    }
}

fn seal_raw(cipher: &XChaCha20Poly1305, aad: &[u8], plain: &[u8]) -> String {
    let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
    // Encryption with a valid key and nonce cannot fail for in-memory sizes.
    let ct = cipher
        .encrypt(&nonce, Payload { msg: plain, aad })
        .unwrap_or_default();
    let mut out = nonce.to_vec();
    out.extend_from_slice(&ct);
    B64.encode(out)
}

fn open_raw(cipher: &XChaCha20Poly1305, aad: &[u8], text: &str) -> Result<Vec<u8>, CryptoError> {
    let bytes = B64.decode(text).map_err(|_| CryptoError::Open)?;
    if bytes.len() < 24 + 16 {
        return Err(CryptoError::Open);
    }
    let (nonce, ct) = bytes.split_at(24);
    cipher
        .decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad })
        .map_err(|_| CryptoError::Open)
}

/// Where a sealed value lives; part of the associated data.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub organization: &'a str,
    pub table: &'a str,
    pub column: &'a str,
    pub row: &'a str,
}

impl Place<'_> {
    fn aad(&self, key_id: &str) -> Vec<u8> {
        format!(
            "harbour-field|{}|{}|{}|{}|{key_id}",
            self.organization, self.table, self.column, self.row
        )
        .into_bytes()
    }
}

/// Seals `plain` for `place` with the data key `key_id`: `h1.<key id>.<base64url(nonce|ct)>`.
pub fn seal(key_id: &str, key: &DataKey, place: Place<'_>, plain: &str) -> String {
    let cipher = XChaCha20Poly1305::new(key.0.as_ref().into());
    format!(
        "{PREFIX}{key_id}.{}",
        seal_raw(&cipher, &place.aad(key_id), plain.as_bytes())
    )
}

/// The key id a sealed value names.
pub fn key_id_of(sealed: &str) -> Option<&str> {
    sealed.strip_prefix(PREFIX)?.split('.').next()
}

pub fn open(key: &DataKey, place: Place<'_>, sealed: &str) -> Result<String, CryptoError> {
    let rest = sealed.strip_prefix(PREFIX).ok_or(CryptoError::Open)?;
    let (key_id, body) = rest.split_once('.').ok_or(CryptoError::Open)?;
    let cipher = XChaCha20Poly1305::new(key.0.as_ref().into());
    let bytes = open_raw(&cipher, &place.aad(key_id), body)?;
    String::from_utf8(bytes).map_err(|_| CryptoError::Open)
}

/// Keyed hash for exact search (names, pseudonyms), over a normalised form: case, accents
/// and spacing do not matter.
pub fn blind_index(key: &DataKey, text: &str) -> String {
    // HMAC takes keys of any length, so this cannot fail.
    let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(key.0.as_ref()) else {
        return String::new();
    };
    mac.update(normalise(text).as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// Lower case, accents folded, whitespace collapsed.
pub fn normalise(text: &str) -> String {
    harbour_domain::geo::fold(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

/// A random token for one-time links (256 bits, base64url) and the hash stored for it.
pub fn token() -> (String, String) {
    let mut b = [0u8; 32];
    OsRng.fill_bytes(&mut b);
    let t = B64.encode(b);
    let h = sha256_hex(t.as_bytes());
    (t, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(row: &str) -> Place<'_> {
        Place {
            organization: "org",
            table: "cases",
            column: "name_enc",
            row,
        }
    }

    #[test]
    fn seal_and_open_round_trip_and_bind_to_their_place() {
        let k = DataKey::generate();
        let s = seal("k1", &k, place("r1"), "Ana María");
        assert!(!s.contains("Ana"));
        assert_eq!(key_id_of(&s), Some("k1"));
        assert_eq!(open(&k, place("r1"), &s).expect("opens"), "Ana María");
        // another row, another column, another key, an altered byte: no
        assert!(open(&k, place("r2"), &s).is_err());
        assert!(open(&DataKey::generate(), place("r1"), &s).is_err());
        let mut altered = s.clone();
        altered.pop();
        altered.push(if s.ends_with('A') { 'B' } else { 'A' });
        assert!(open(&k, place("r1"), &altered).is_err());
        // the same plaintext seals differently each time
        assert_ne!(s, seal("k1", &k, place("r1"), "Ana María"));
    }

    #[test]
    fn wrapped_keys_open_only_with_their_master_and_place() {
        let m = MasterKey::generate();
        let dek = DataKey::generate();
        let w = m.wrap("org", "k1", &dek);
        let back = m.unwrap("org", "k1", &w).expect("unwraps");
        assert_eq!(*back.0, *dek.0);
        assert!(m.unwrap("other", "k1", &w).is_err());
        assert!(MasterKey::generate().unwrap("org", "k1", &w).is_err());
    }

    #[test]
    fn blind_index_ignores_case_accents_and_spacing_only() {
        let k = DataKey::generate();
        assert_eq!(
            blind_index(&k, "Zoë  Müller"),
            blind_index(&k, "zoe muller")
        );
        assert_ne!(
            blind_index(&k, "Zoe Muller"),
            blind_index(&k, "Zoe Mueller")
        );
        assert_ne!(
            blind_index(&k, "Zoe"),
            blind_index(&DataKey::generate(), "Zoe")
        );
    }

    #[test]
    fn master_keys_parse_from_hex_or_base64_and_files_are_private() {
        let m = MasterKey::generate();
        assert_eq!(MasterKey::parse(&m.encoded()).expect("b64").id(), m.id());
        let hexed = hex(m.key.as_ref());
        assert_eq!(MasterKey::parse(&hexed).expect("hex").id(), m.id());
        assert!(MasterKey::parse("short").is_err());
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("master.key");
        let a = MasterKey::load_or_create(&p).expect("created");
        let b = MasterKey::load_or_create(&p).expect("read");
        assert_eq!(a.id(), b.id());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
