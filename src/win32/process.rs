//! Processes and consoles: which program started us, and the console we print to (the
//! `unsafe` allowance of [`super`] covers this module).

use windows_sys::Win32::Foundation::{CloseHandle, INVALID_HANDLE_VALUE};
use windows_sys::Win32::System::Console::{
    ATTACH_PARENT_PROCESS, AttachConsole, FreeConsole, GetConsoleProcessList,
};
use windows_sys::Win32::System::Diagnostics::ToolHelp::{
    CreateToolhelp32Snapshot, PROCESSENTRY32W, Process32FirstW, Process32NextW, TH32CS_SNAPPROCESS,
};
use windows_sys::Win32::System::Threading::GetCurrentProcessId;

/// A process snapshot handle, closed when dropped.
struct Snapshot(windows_sys::Win32::Foundation::HANDLE);

impl Drop for Snapshot {
    fn drop(&mut self) {
        // SAFETY: the handle is ours and closed once.
        unsafe { CloseHandle(self.0) };
    }
}

/// The file name of the program that started this one (`cmd.exe`, `powershell.exe`, ...), if
/// it is still running.
pub fn parent_process_name() -> Option<String> {
    let snapshot = open_snapshot()?;
    // SAFETY: no arguments, no failure.
    let me = unsafe { GetCurrentProcessId() };
    let parent = processes(&snapshot).find(|(id, _, _)| *id == me)?.1;
    if parent == 0 {
        return None;
    }
    processes(&snapshot)
        .find(|(id, _, _)| *id == parent)
        .map(|(_, _, name)| name)
}

/// A snapshot of the running processes.
fn open_snapshot() -> Option<Snapshot> {
    // SAFETY: no pointers; the handle is closed by `Snapshot`'s drop.
    let handle = unsafe { CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0) };
    (handle != INVALID_HANDLE_VALUE && !handle.is_null()).then_some(Snapshot(handle))
}

/// Every process in `snapshot`: (id, parent's id, file name).
fn processes(snapshot: &Snapshot) -> impl Iterator<Item = (u32, u32, String)> + '_ {
    let mut entry = PROCESSENTRY32W {
        dwSize: u32::try_from(std::mem::size_of::<PROCESSENTRY32W>()).unwrap_or(u32::MAX),
        ..PROCESSENTRY32W::default()
    };
    // SAFETY: the snapshot is open; `entry` is a valid PROCESSENTRY32W with its size set.
    let mut more = unsafe { Process32FirstW(snapshot.0, &raw mut entry) } != 0;
    std::iter::from_fn(move || {
        if !more {
            return None;
        }
        let name_end = entry
            .szExeFile
            .iter()
            .position(|&c| c == 0)
            .unwrap_or(entry.szExeFile.len());
        let found = (
            entry.th32ProcessID,
            entry.th32ParentProcessID,
            String::from_utf16_lossy(&entry.szExeFile[..name_end]),
        );
        // SAFETY: as above.
        more = unsafe { Process32NextW(snapshot.0, &raw mut entry) } != 0;
        Some(found)
    })
}

/// This program's own file name as the process list has it (tests of the list).
pub fn own_process_name() -> Option<String> {
    let snapshot = open_snapshot()?;
    // SAFETY: no arguments, no failure.
    let me = unsafe { GetCurrentProcessId() };
    processes(&snapshot)
        .find(|(id, _, _)| *id == me)
        .map(|(_, _, name)| name)
}

/// Attaches to the console of the program that started this one (a terminal), so that the
/// window's copy of the program (which Windows starts without a console) can print when it is
/// given a command. `false` when there is none (started from Explorer).
pub fn attach_parent_console() -> bool {
    // SAFETY: no pointers; documented to fail harmlessly when there is no parent console.
    unsafe { AttachConsole(ATTACH_PARENT_PROCESS) != 0 }
}

/// Closes the console window Windows opened for this program alone (`mailtester.exe` started
/// from Explorer to open the window): `true` when there was one. A console shared with the
/// terminal the user typed in is left alone.
pub fn release_own_console() -> bool {
    let mut ids = [0u32; 2];
    // SAFETY: the buffer holds two ids, as its length says.
    let count = unsafe { GetConsoleProcessList(ids.as_mut_ptr(), 2) };
    // SAFETY: no arguments; detaching from a console is always allowed.
    count == 1 && unsafe { FreeConsole() != 0 }
}
