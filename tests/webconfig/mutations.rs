//! The fuzz target's checks (`fuzz/fuzz_targets/webconfig.rs`) on the seed corpus plus mutated
//! variants generated deterministically (truncations, byte flips, deletions, duplications), so
//! that every `cargo test` exercises them even where cargo-fuzz is not installed.

use mail_settings_tester::secret::Password;
use mail_settings_tester::settings::Settings;
use mail_settings_tester::webconfig::{UpdateOptions, import, lint, update};

use super::{fixture, fixture_names};

/// Bytes that matter to XML, used to overwrite and insert.
const INTERESTING: &[u8] = b"<>/=\"'&;!?- \t\r\nabcXYZ09\xc3\xa9";

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap()).unwrap()
    }
}

fn variants(seed: &[u8], rng: &mut Rng) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let step = (seed.len() / 40).max(1);
    for cut in (0..seed.len()).step_by(step) {
        out.push(seed[..cut].to_vec());
    }
    for _ in 0..120 {
        let mut bytes = seed.to_vec();
        for _ in 0..=rng.below(3) {
            if bytes.is_empty() {
                break;
            }
            let at = rng.below(bytes.len());
            match rng.below(4) {
                0 => bytes[at] = INTERESTING[rng.below(INTERESTING.len())],
                1 => bytes.insert(at, INTERESTING[rng.below(INTERESTING.len())]),
                2 => {
                    let end = (at + 1 + rng.below(40)).min(bytes.len());
                    bytes.drain(at..end);
                }
                _ => {
                    let end = (at + 1 + rng.below(80)).min(bytes.len());
                    let copy = bytes[at..end].to_vec();
                    let to = rng.below(bytes.len());
                    bytes.splice(to..to, copy);
                }
            }
        }
        out.push(bytes);
    }
    out
}

/// What the fuzz target asserts, for one input.
fn check(text: &str) {
    let _ = lint(text);
    let _ = import(text);
    let settings = Settings {
        host: "smtp.example.com".into(),
        port: 465,
        user_name: "site@example.com".into(),
        password: Password::new("Secr3t&<\"pass'\t"),
        from: "site@example.com".into(),
        ..Settings::default()
    };
    for include_password in [false, true] {
        let options = UpdateOptions { include_password };
        let Ok(updated) = update(text, &settings, options) else {
            continue;
        };
        let again = import(&updated.text)
            .unwrap_or_else(|err| panic!("output does not import ({err}) for:\n{text}"));
        assert_eq!(again.settings.host, settings.host, "{text}");
        assert_eq!(again.settings.port, 587, "{text}");
        assert!(again.settings.enable_ssl, "{text}");
        assert_eq!(again.settings.user_name, settings.user_name, "{text}");
        assert_eq!(again.settings.from, settings.from, "{text}");
        if include_password {
            assert_eq!(again.settings.password, settings.password, "{text}");
        }
        let twice = update(&updated.text, &settings, options)
            .unwrap_or_else(|err| panic!("second update fails ({err}) for:\n{text}"));
        assert_eq!(twice.text, updated.text, "second update changed:\n{text}");
    }
}

#[test]
fn corpus_and_mutations_never_panic_and_updates_read_back() {
    let mut rng = Rng(0x5EED_CAFE_F00D_0001);
    let mut checked = 0;
    for name in fixture_names() {
        let seed = fixture(&name);
        check(&seed);
        for variant in variants(seed.as_bytes(), &mut rng) {
            if let Ok(text) = std::str::from_utf8(&variant) {
                check(text);
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} variants were valid UTF-8");
}
