//! The few Windows calls the standard library and our crates do not offer, each wrapped in a
//! safe function. The only module with `unsafe` code; built on Windows only, and tested here
//! (under Wine in CI: `scripts/windows.sh test`).
//!
//! - [`replace_file`]: `ReplaceFileW`, which swaps a new file in under the old one's name and
//!   keeps the old one's ACL, attributes and creation time (a rename would give the new file the
//!   folder's ACL).
//! - [`copy_dacl`]: gives a new file exactly the access list of another (a web.config backup is
//!   never readable by more accounts than the web.config).
//! - [`dacl_sddl`] / [`set_dacl_sddl`]: a file's access list as SDDL text (for tests and
//!   messages).
//! - [`credential_targets`]: the names of the Credential Manager's entries matching a filter
//!   (read without assuming the list is aligned: Wine's is not).
//! - [`parent_process_name`]: which program started us (to quote commands for cmd or
//!   PowerShell).
//! - [`attach_parent_console`] / [`release_own_console`]: the window's copy of the program
//!   prints to the console it was started from; the console program started from Explorer to
//!   open the window closes the console window Windows opened for it.

#![allow(unsafe_code)]

use std::ffi::OsStr;
use std::io;
use std::os::windows::ffi::OsStrExt as _;
use std::path::{Path, PathBuf};

use windows_sys::Win32::Foundation::{ERROR_SUCCESS, HLOCAL, LocalFree};
use windows_sys::Win32::Security::Authorization::{
    ConvertSecurityDescriptorToStringSecurityDescriptorW,
    ConvertStringSecurityDescriptorToSecurityDescriptorW, GetNamedSecurityInfoW, SDDL_REVISION_1,
    SE_FILE_OBJECT, SetNamedSecurityInfoW,
};
use windows_sys::Win32::Security::Credentials::{CREDENTIALW, CredEnumerateW, CredFree};
use windows_sys::Win32::Security::{
    ACL, DACL_SECURITY_INFORMATION, GetSecurityDescriptorDacl, PROTECTED_DACL_SECURITY_INFORMATION,
    PSECURITY_DESCRIPTOR,
};
use windows_sys::Win32::Storage::FileSystem::{REPLACEFILE_IGNORE_MERGE_ERRORS, ReplaceFileW};

mod process;

pub use process::{
    attach_parent_console, own_process_name, parent_process_name, release_own_console,
};

/// `path` as a NUL-terminated wide string for a Windows call. A long absolute path (the
/// 260-character `MAX_PATH` limit) gets the `\\?\` form, which the calls here accept at any
/// length; a UNC path `\\server\share\...` becomes `\\?\UNC\server\share\...`.
fn wide(path: &Path) -> Vec<u16> {
    let text: PathBuf = if path.as_os_str().len() >= 248 {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let shown = absolute.as_os_str().to_string_lossy().into_owned();
        if shown.starts_with(r"\\?\") {
            absolute
        } else if let Some(unc) = shown.strip_prefix(r"\\") {
            PathBuf::from(format!(r"\\?\UNC\{unc}"))
        } else {
            PathBuf::from(format!(r"\\?\{shown}"))
        }
    } else {
        path.to_owned()
    };
    wide_str(text.as_os_str())
}

fn wide_str(text: &OsStr) -> Vec<u16> {
    text.encode_wide().chain(std::iter::once(0)).collect()
}

/// Memory Windows allocated for us with `LocalAlloc`, freed when dropped.
struct LocalMemory(HLOCAL);

impl Drop for LocalMemory {
    fn drop(&mut self) {
        if !self.0.is_null() {
            // SAFETY: the pointer came from a call documented to allocate with LocalAlloc, and is
            // freed once.
            unsafe { LocalFree(self.0) };
        }
    }
}

/// Replaces `target` with `replacement` (a new file in the same folder, written and flushed),
/// keeping `target`'s access list, attributes and creation time. `replacement` is gone
/// afterwards. Fails with the system's error (a sharing violation when another program holds
/// `target` open without allowing deletion).
pub fn replace_file(target: &Path, replacement: &Path) -> io::Result<()> {
    let (target, replacement) = (wide(target), wide(replacement));
    // SAFETY: both are NUL-terminated wide strings that outlive the call; no backup, no
    // exclusions, reserved null, as documented.
    let ok = unsafe {
        ReplaceFileW(
            target.as_ptr(),
            replacement.as_ptr(),
            std::ptr::null(),
            REPLACEFILE_IGNORE_MERGE_ERRORS,
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    if ok == 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// Gives the file at `copy` (one we just created) the access list of the file at `original`,
/// protected from inheritance, so the copy is readable by exactly the accounts that may read
/// the original, whatever its folder allows. A file without any access list (open to everyone)
/// leaves `copy` as it is.
pub fn copy_dacl(original: &Path, copy: &Path) -> io::Result<()> {
    let (descriptor, dacl) = file_dacl(original)?;
    if dacl.is_null() {
        return Ok(());
    }
    // By name: our own handle to the new file was not opened with the right to change its
    // access list. `dacl` lives in `descriptor`, kept until here.
    let result = set_file_dacl(copy, dacl, true);
    drop(descriptor);
    result
}

/// The security descriptor of the file at `path` with only its access list read, and that
/// list (null: the file has none, so everyone has access). The list lives in the descriptor.
fn file_dacl(path: &Path) -> io::Result<(LocalMemory, *mut ACL)> {
    let name = wide(path);
    let mut dacl: *mut ACL = std::ptr::null_mut();
    let mut descriptor: PSECURITY_DESCRIPTOR = std::ptr::null_mut();
    // SAFETY: `name` is NUL-terminated; the out-pointers are valid; the descriptor is freed by
    // `LocalMemory`, and `dacl` points into it.
    let status = unsafe {
        GetNamedSecurityInfoW(
            name.as_ptr(),
            SE_FILE_OBJECT,
            DACL_SECURITY_INFORMATION,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            &raw mut dacl,
            std::ptr::null_mut(),
            &raw mut descriptor,
        )
    };
    if status == ERROR_SUCCESS {
        Ok((LocalMemory(descriptor), dacl))
    } else {
        Err(io::Error::from_raw_os_error(win32_code(status)))
    }
}

/// Gives the file at `path` the access list `dacl` (which must stay valid during the call),
/// `protected` from inheriting its folder's entries.
fn set_file_dacl(path: &Path, dacl: *const ACL, protected: bool) -> io::Result<()> {
    let name = wide(path);
    let protection = if protected {
        PROTECTED_DACL_SECURITY_INFORMATION
    } else {
        0
    };
    // SAFETY: `name` is NUL-terminated; the caller keeps `dacl` alive.
    let status = unsafe {
        SetNamedSecurityInfoW(
            name.as_ptr(),
            SE_FILE_OBJECT,
            DACL_SECURITY_INFORMATION | protection,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            dacl,
            std::ptr::null(),
        )
    };
    if status == ERROR_SUCCESS {
        Ok(())
    } else {
        Err(io::Error::from_raw_os_error(win32_code(status)))
    }
}

/// The access list of the file at `path` as SDDL (`D:P(A;;FA;;;BA)...`).
pub fn dacl_sddl(path: &Path) -> io::Result<String> {
    let (descriptor, _) = file_dacl(path)?;
    let mut text: *mut u16 = std::ptr::null_mut();
    let mut length = 0u32;
    // SAFETY: the descriptor is valid; the string is allocated by the call and freed below.
    let ok = unsafe {
        ConvertSecurityDescriptorToStringSecurityDescriptorW(
            descriptor.0,
            SDDL_REVISION_1,
            DACL_SECURITY_INFORMATION,
            &raw mut text,
            &raw mut length,
        )
    };
    if ok == 0 {
        return Err(io::Error::last_os_error());
    }
    let text = LocalMemory(text.cast());
    // SAFETY: the call wrote `length` characters (the NUL included) at `text`.
    let units = unsafe { std::slice::from_raw_parts(text.0.cast::<u16>(), length as usize) };
    let units = units.strip_suffix(&[0]).unwrap_or(units);
    Ok(String::from_utf16_lossy(units))
}

/// The entries of the file's access list as SDDL, sorted, without the marks that say how they
/// were inherited: what decides who may read it (tests compare two files with it).
pub fn dacl_entries(path: &Path) -> io::Result<Vec<String>> {
    let sddl = dacl_sddl(path)?;
    let mut entries: Vec<String> = sddl
        .split('(')
        .skip(1)
        .map(|entry| entry.trim_end_matches(')').replace(";ID;", ";;"))
        .collect();
    entries.sort();
    Ok(entries)
}

/// Sets the access list of the file at `path` from SDDL (`D:P(A;;FA;;;OW)`), for tests that
/// need a file with a narrower list than its folder's.
pub fn set_dacl_sddl(path: &Path, sddl: &str) -> io::Result<()> {
    let text = wide_str(OsStr::new(sddl));
    let mut descriptor: PSECURITY_DESCRIPTOR = std::ptr::null_mut();
    // SAFETY: `text` is NUL-terminated; the descriptor is allocated by the call and freed by
    // `LocalMemory`.
    let ok = unsafe {
        ConvertStringSecurityDescriptorToSecurityDescriptorW(
            text.as_ptr(),
            SDDL_REVISION_1,
            &raw mut descriptor,
            std::ptr::null_mut(),
        )
    };
    if ok == 0 {
        return Err(io::Error::last_os_error());
    }
    let descriptor = LocalMemory(descriptor);
    let (mut present, mut defaulted) = (0, 0);
    let mut dacl: *mut ACL = std::ptr::null_mut();
    // SAFETY: the descriptor is valid; the out-pointers are valid.
    let ok = unsafe {
        GetSecurityDescriptorDacl(
            descriptor.0,
            &raw mut present,
            &raw mut dacl,
            &raw mut defaulted,
        )
    };
    if ok == 0 {
        return Err(io::Error::last_os_error());
    }
    let result = set_file_dacl(path, dacl, sddl.starts_with("D:P"));
    drop(descriptor);
    result
}

/// The target names of this user's Credential Manager entries that match `filter` (`*` as a
/// wildcard at its end, as `CredEnumerateW` takes it: `*.mail-settings-tester` does not work,
/// so give a prefix or nothing and filter the names).
pub fn credential_targets(filter: Option<&str>) -> io::Result<Vec<String>> {
    let filter = filter.map(|text| wide_str(OsStr::new(text)));
    let mut count = 0u32;
    let mut list: *mut *mut CREDENTIALW = std::ptr::null_mut();
    // SAFETY: the out-pointers are valid; the list is freed with CredFree below.
    let ok = unsafe {
        CredEnumerateW(
            filter.as_ref().map_or(std::ptr::null(), Vec::as_ptr),
            0,
            &raw mut count,
            &raw mut list,
        )
    };
    if ok == 0 {
        let err = io::Error::last_os_error();
        // ERROR_NOT_FOUND: no entry at all.
        return if err.raw_os_error() == Some(1168) {
            Ok(Vec::new())
        } else {
            Err(err)
        };
    }
    let mut names = Vec::new();
    for index in 0..count as usize {
        // SAFETY: the list holds `count` pointers to credentials, valid until CredFree; read
        // unaligned, since Wine's list is not always aligned.
        let target = unsafe {
            let credential = list.add(index).read_unaligned();
            std::ptr::addr_of!((*credential).TargetName).read_unaligned()
        };
        if !target.is_null() {
            // A target name has at most 32,767 characters (CRED_MAX_GENERIC_TARGET_NAME_LENGTH).
            let mut units = Vec::new();
            for i in 0..32_768 {
                // SAFETY: a NUL-terminated wide string inside the list: read up to its NUL.
                let unit = unsafe { target.add(i).read_unaligned() };
                if unit == 0 {
                    break;
                }
                units.push(unit);
            }
            names.push(String::from_utf16_lossy(&units));
        }
    }
    // SAFETY: the list came from CredEnumerateW and is freed once.
    unsafe { CredFree(list.cast()) };
    Ok(names)
}

/// A `WIN32_ERROR` as the `i32` that `io::Error` takes.
fn win32_code(status: u32) -> i32 {
    i32::try_from(status).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only the owner (full access) and the built-in administrators (read): narrower than any
    /// folder's inherited list.
    const NARROW: &str = "D:P(A;;FA;;;OW)(A;;FR;;;BA)";

    #[test]
    fn a_copy_gets_exactly_the_originals_access_list() {
        let dir = tempfile::tempdir().unwrap();
        let original = dir.path().join("web.config");
        std::fs::write(&original, "<configuration />").unwrap();
        set_dacl_sddl(&original, NARROW).unwrap();
        let before = dacl_entries(&original).unwrap();
        let copy_path = dir.path().join("web.config.bak");
        std::fs::write(&copy_path, "").unwrap();
        copy_dacl(&original, &copy_path).unwrap();
        // The same entries; the "protected" mark (D:P) is set too, which Wine does not record.
        assert_eq!(dacl_entries(&copy_path).unwrap(), before);
    }

    #[test]
    fn replacing_keeps_the_access_list_and_swaps_the_content() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("web.config");
        std::fs::write(&target, "old").unwrap();
        set_dacl_sddl(&target, NARROW).unwrap();
        let before = dacl_entries(&target).unwrap();
        let replacement = dir.path().join(".web.config.new.tmp");
        std::fs::write(&replacement, "new").unwrap();
        replace_file(&target, &replacement).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert!(!replacement.exists());
        assert_eq!(dacl_entries(&target).unwrap(), before);
    }

    #[test]
    fn replacing_a_missing_file_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let replacement = dir.path().join("new");
        std::fs::write(&replacement, "x").unwrap();
        assert!(replace_file(&dir.path().join("missing"), &replacement).is_err());
    }

    #[test]
    fn long_paths_get_the_verbatim_form() {
        let long = PathBuf::from(format!(r"C:\sites\{}\web.config", "a".repeat(300)));
        let text = String::from_utf16_lossy(&wide(&long));
        assert!(text.starts_with(r"\\?\C:\sites\"), "{text}");
        let unc = PathBuf::from(format!(r"\\server\share\{}\web.config", "b".repeat(300)));
        let text = String::from_utf16_lossy(&wide(&unc));
        assert!(text.starts_with(r"\\?\UNC\server\share\"), "{text}");
        let short = String::from_utf16_lossy(&wide(Path::new(r"C:\web.config")));
        assert_eq!(short, "C:\\web.config\0");
    }

    #[test]
    fn saved_credentials_are_listed_by_name() {
        let store: std::sync::Arc<keyring_core::CredentialStore> =
            windows_native_keyring_store::Store::new().unwrap();
        let user = format!("lister-{}", std::process::id());
        let entry = keyring_core::Entry::new_in_store(&store, "win32-test", &user).unwrap();
        entry.set_password("x").unwrap();
        let targets = credential_targets(None);
        entry.delete_credential().unwrap();
        let targets = targets.unwrap();
        assert!(
            targets.iter().any(|t| t == &format!("{user}.win32-test")),
            "{targets:?}"
        );
    }

    #[test]
    fn the_process_list_has_this_program() {
        let name = own_process_name().expect("this process is listed");
        assert!(
            std::path::Path::new(&name)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("exe")),
            "{name}"
        );
        // Started from a Unix program under Wine there is no Windows parent: None, no panic.
        let _ = parent_process_name();
    }
}
