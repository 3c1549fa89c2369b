//! Puts the Windows resources into `mailtester.exe`: the icon Explorer and the taskbar show,
//! the version information in its Properties, and the application manifest (per-monitor DPI,
//! long paths, common controls 6), from the template `dist/windows/mailtester.rc`. Nothing for
//! other systems.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=dist/windows/mailtester.rc");
    println!("cargo:rerun-if-changed=dist/windows/mailtester.exe.manifest");
    println!("cargo:rerun-if-changed=assets/icon.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_else(|| ".".into()));
    let template = std::fs::read_to_string(manifest_dir.join("dist/windows/mailtester.rc"))
        .unwrap_or_else(|err| panic!("dist/windows/mailtester.rc could not be read: {err}"));
    let version = env!("CARGO_PKG_VERSION");
    let number = |name: &str| std::env::var(name).unwrap_or_else(|_| "0".to_owned());
    let commas = format!(
        "{}, {}, {}, 0",
        number("CARGO_PKG_VERSION_MAJOR"),
        number("CARGO_PKG_VERSION_MINOR"),
        number("CARGO_PKG_VERSION_PATCH")
    );
    // Forward slashes: both windres and rc.exe read them, and they need no escaping.
    let dir = manifest_dir
        .join("dist/windows")
        .to_string_lossy()
        .replace('\\', "/");
    let filled = template
        .replace("@VERSION_COMMAS@", &commas)
        .replace("@VERSION@", version)
        .replace("@DIR@", &dir);
    let rc = out_dir.join("mailtester.rc");
    std::fs::write(&rc, filled)
        .unwrap_or_else(|err| panic!("{} could not be written: {err}", rc.display()));
    // Only the `mailtester` binary gets them; a failure stops the build with windres' words.
    embed_resource::compile_for(&rc, ["mailtester"], embed_resource::NONE)
        .manifest_required()
        .unwrap_or_else(|err| panic!("the Windows resources could not be compiled: {err}"));
}
