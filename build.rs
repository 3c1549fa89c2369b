//! Puts the Windows resources into `mailtester.exe`: the icon Explorer and the taskbar show,
//! the version information in its Properties, and the application manifest (per-monitor DPI,
//! long paths, common controls 6): `dist/windows/mailtester.rc`. Nothing for other systems.

fn main() {
    println!("cargo:rerun-if-changed=dist/windows/mailtester.rc");
    println!("cargo:rerun-if-changed=dist/windows/mailtester.exe.manifest");
    println!("cargo:rerun-if-changed=assets/icon.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let version = env!("CARGO_PKG_VERSION");
    let number = |name: &str| std::env::var(name).unwrap_or_else(|_| "0".to_owned());
    let (major, minor, patch) = (
        number("CARGO_PKG_VERSION_MAJOR"),
        number("CARGO_PKG_VERSION_MINOR"),
        number("CARGO_PKG_VERSION_PATCH"),
    );
    let text = format!("\"{version}\"");
    let macros = [
        format!("VERSION_MAJOR={major}"),
        format!("VERSION_MINOR={minor}"),
        format!("VERSION_PATCH={patch}"),
        format!("VERSION_TEXT={text}"),
    ];
    // Only the `mailtester` binary gets them; a failure stops the build with windres' words.
    embed_resource::compile_for("dist/windows/mailtester.rc", ["mailtester"], &macros)
        .manifest_required()
        .unwrap_or_else(|err| panic!("the Windows resources could not be compiled: {err}"));
}
