//! Test certificates: one CA and leaf certificates made once per test process with `rcgen`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, date_time_ymd,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::{ClientConfig, RootCertStore, ServerConfig};

/// Common name of the test CA.
pub const CA_NAME: &str = "Mail Settings Tester Test CA";

/// Which certificate a test server presents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CertKind {
    /// Issued by the test CA for `localhost` and `127.0.0.1`.
    #[default]
    Valid,
    /// Issued by the test CA, but only for `mail.other-host.example`.
    WrongName,
    /// Issued by the test CA for `localhost` and `127.0.0.1`, expired on 2020-01-01.
    Expired,
    /// For `localhost` and `127.0.0.1`, but self-signed instead of issued by the test CA.
    SelfSigned,
    /// Terminal tricks in every name a client shows: the subject's common name, the DNS names
    /// (none of them `localhost`) and the issuer, a second CA (see [`TestPki::hostile_ca_pem_path`])
    /// whose own name is as hostile. Common names are UTF-8 strings and carry ESC sequences, BEL,
    /// NUL, DEL, C1 controls and the bidi override U+202E; DNS names are IA5 strings, which rcgen
    /// keeps to ASCII, so they carry ESC, BEL, NUL and DEL but no U+202E.
    Hostile,
    /// Issued by the test CA for the discovery tests' domain: [`DISCOVERY_DOMAIN`] and
    /// `*.` it (so `smtp.`, `mail.` and `autoconfig.` names are covered).
    Discovery,
}

/// The domain whose names [`CertKind::Discovery`] covers.
pub const DISCOVERY_DOMAIN: &str = "shop.test";

/// The hostile certificate's common name.
pub const HOSTILE_CN: &str =
    "\x1b[2J\x1b]0;owned\x07mail\u{202e}moc.elpmaxe\u{0}\u{9b}31m\u{85}\x7f.example";
/// The hostile CA's common name.
pub const HOSTILE_CA_CN: &str = "\x1b[31mTrusted\x07 Root\u{202e}AC\u{0}\u{9b}0m";
/// The hostile CA's organisation.
pub const HOSTILE_CA_ORG: &str = "\u{202e}gnikcaH\x1b[0m\x07";

impl CertKind {
    /// Every kind, for tests that loop over them.
    pub const ALL: [CertKind; 4] = [
        CertKind::Valid,
        CertKind::WrongName,
        CertKind::Expired,
        CertKind::SelfSigned,
    ];
}

/// A leaf certificate and its PKCS#8 private key.
struct Leaf {
    cert: CertificateDer<'static>,
    key_pkcs8: Vec<u8>,
}

/// The process-wide test PKI. Get it with [`TestPki::get`].
pub struct TestPki {
    /// Holds the CA PEM file; statics are never dropped, so the file outlives every test.
    _dir: tempfile::TempDir,
    ca_pem_path: PathBuf,
    ca_der: CertificateDer<'static>,
    hostile_ca_pem_path: PathBuf,
    leaves: HashMap<CertKind, Leaf>,
}

impl TestPki {
    /// The PKI, generated on first use.
    pub fn get() -> &'static TestPki {
        static PKI: OnceLock<TestPki> = OnceLock::new();
        PKI.get_or_init(TestPki::generate)
    }

    /// Path of a PEM file holding the CA certificate (what a user would pass as a trusted CA).
    pub fn ca_pem_path(&self) -> &Path {
        &self.ca_pem_path
    }

    /// Path of a PEM file holding the CA that issued [`CertKind::Hostile`] (its name is hostile).
    pub fn hostile_ca_pem_path(&self) -> &Path {
        &self.hostile_ca_pem_path
    }

    /// The CA certificate in DER.
    pub fn ca_der(&self) -> &CertificateDer<'static> {
        &self.ca_der
    }

    /// The leaf certificate of `kind` in DER.
    pub fn cert_der(&self, kind: CertKind) -> &CertificateDer<'static> {
        &self.leaves[&kind].cert
    }

    /// A fresh rustls server configuration presenting `kind` (ring provider, safe defaults).
    pub fn server_config(&self, kind: CertKind) -> Arc<ServerConfig> {
        let leaf = &self.leaves[&kind];
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf.key_pkcs8.clone()));
        let config = ServerConfig::builder_with_provider(ring_provider())
            .with_safe_default_protocol_versions()
            .expect("ring supports the default protocol versions")
            .with_no_client_auth()
            .with_single_cert(vec![leaf.cert.clone()], key)
            .expect("rcgen key matches its certificate");
        Arc::new(config)
    }

    /// A fresh rustls client configuration that trusts only the test CA (ring provider).
    pub fn client_config(&self) -> Arc<ClientConfig> {
        let mut roots = RootCertStore::empty();
        roots
            .add(self.ca_der.clone())
            .expect("the test CA is a valid trust anchor");
        let config = ClientConfig::builder_with_provider(ring_provider())
            .with_safe_default_protocol_versions()
            .expect("ring supports the default protocol versions")
            .with_root_certificates(roots)
            .with_no_client_auth();
        Arc::new(config)
    }

    fn generate() -> TestPki {
        let (ca_cert, issuer) = make_ca(&[(DnType::CommonName, CA_NAME)]);
        let (hostile_ca, hostile_issuer) = make_ca(&[
            (DnType::CommonName, HOSTILE_CA_CN),
            (DnType::OrganizationName, HOSTILE_CA_ORG),
        ]);

        let mut leaves: HashMap<CertKind, Leaf> = CertKind::ALL
            .into_iter()
            .map(|kind| (kind, make_leaf(kind, &issuer)))
            .collect();
        leaves.insert(
            CertKind::Hostile,
            make_leaf(CertKind::Hostile, &hostile_issuer),
        );
        leaves.insert(CertKind::Discovery, make_leaf(CertKind::Discovery, &issuer));

        let dir = tempfile::tempdir().expect("create temp dir for the CA file");
        let ca_pem_path = dir.path().join("test-ca.pem");
        std::fs::write(&ca_pem_path, ca_cert.pem()).expect("write CA PEM");
        let hostile_ca_pem_path = dir.path().join("hostile-ca.pem");
        std::fs::write(&hostile_ca_pem_path, hostile_ca.pem()).expect("write hostile CA PEM");

        TestPki {
            _dir: dir,
            ca_pem_path,
            ca_der: ca_cert.der().clone(),
            hostile_ca_pem_path,
            leaves,
        }
    }
}

/// A self-signed CA with the name `dn`, and the issuer that signs with it.
fn make_ca(dn: &[(DnType, &str)]) -> (rcgen::Certificate, Issuer<'static, KeyPair>) {
    let ca_key = KeyPair::generate().expect("generate CA key");
    let mut ca_params = CertificateParams::default();
    for (kind, value) in dn {
        ca_params.distinguished_name.push(kind.clone(), *value);
    }
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    ca_params.not_before = date_time_ymd(2019, 1, 1);
    ca_params.not_after = date_time_ymd(2049, 12, 31);
    let ca_cert = ca_params.self_signed(&ca_key).expect("self-sign CA");
    (ca_cert, Issuer::new(ca_params, ca_key))
}

fn ring_provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn make_leaf(kind: CertKind, issuer: &Issuer<'_, KeyPair>) -> Leaf {
    let names: Vec<String> = match kind {
        CertKind::WrongName => vec!["mail.other-host.example".into()],
        CertKind::Valid | CertKind::Expired | CertKind::SelfSigned => {
            vec!["localhost".into(), "127.0.0.1".into()]
        }
        CertKind::Discovery => vec![DISCOVERY_DOMAIN.into(), format!("*.{DISCOVERY_DOMAIN}")],
        CertKind::Hostile => vec![
            "\x1b[2J\x1b[1;1Hmail\x07.example".into(),
            "evil\0.example\x7f".into(),
        ],
    };
    let mut params = CertificateParams::new(names.clone()).expect("valid subject names");
    let common_name = if kind == CertKind::Hostile {
        HOSTILE_CN
    } else {
        names[0].as_str()
    };
    params
        .distinguished_name
        .push(DnType::CommonName, common_name);
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    params.use_authority_key_identifier_extension = kind != CertKind::SelfSigned;
    (params.not_before, params.not_after) = match kind {
        CertKind::Expired => (date_time_ymd(2019, 1, 1), date_time_ymd(2020, 1, 1)),
        _ => (date_time_ymd(2024, 1, 1), date_time_ymd(2049, 12, 31)),
    };

    let key = KeyPair::generate().expect("generate leaf key");
    let cert = if kind == CertKind::SelfSigned {
        params.self_signed(&key)
    } else {
        params.signed_by(&key, issuer)
    }
    .expect("sign leaf certificate");
    Leaf {
        cert: cert.der().clone(),
        key_pkcs8: key.serialize_der(),
    }
}
