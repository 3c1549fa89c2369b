; The Windows installer of Mail Settings Tester (NSIS 3). Built by scripts/windows/package.sh:
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with the files> -DOUTFILE=<setup.exe> installer.nsi
;
; For the person at the computer: no administrator rights needed (it installs for this user, in
; %LOCALAPPDATA%\Programs\Mail Settings Tester), a Start-menu entry, an entry in "Apps" /
; "Programs and Features" with a clean uninstaller. Uninstalling keeps your saved profiles and
; the passwords in the Windows Credential Manager unless you tick the box that removes them.
; Silent: setup.exe /S (install), uninstall.exe /S [/REMOVEDATA] (uninstall, keeping data
; unless /REMOVEDATA is given).

Target amd64-unicode ; the program is 64-bit, and so is the installer
ManifestDPIAware true
RequestExecutionLevel user
!ifdef FAST
  SetCompressor zlib ; CI's test packages: quick to make
!else
  SetCompressor /SOLID lzma
!endif

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "nsDialogs.nsh"
!include "LogicLib.nsh"

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef STAGE
  !error "pass -DSTAGE=<folder with the program's files>"
!endif
!ifndef OUTFILE
  !define OUTFILE "MailSettingsTester-${VERSION}-setup.exe"
!endif

!define APP "Mail Settings Tester"
!define GUI_EXE "Mail Settings Tester.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\MailSettingsTester"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "FileDescription" "${APP} setup"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${STAGE}\icon.ico"
!define MUI_UNICON "${STAGE}\icon.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "This installs ${APP} ${VERSION} for you (no administrator rights needed).$\r$\n$\r$\nIt tests the mail settings of your website the way the website uses them, explains in plain words what is wrong, and gives you the web.config block that works.$\r$\n$\r$\nClick Next to continue."
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${APP} now"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

UninstPage custom un.DataPage un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"

Var RemoveData
Var RemoveDataBox

Section "Install"
  SetOutPath "$INSTDIR"
  File "${STAGE}\${GUI_EXE}"
  File "${STAGE}\mailtester.exe"
  File "${STAGE}\icon.ico"
  File "${STAGE}\README.txt"
  File "${STAGE}\LICENSE.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; The Start menu: the window, and a command prompt where `mailtester` works as typed.
  CreateShortCut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\icon.ico" 0 \
    SW_SHOWNORMAL "" "Test your website's mail settings"
  CreateShortCut "$SMPROGRAMS\${APP} (command line).lnk" "$SYSDIR\cmd.exe" \
    '/k "set "PATH=$INSTDIR;%PATH%" && mailtester --help"' "$INSTDIR\icon.ico" 0 \
    SW_SHOWNORMAL "" "A command prompt where mailtester works"

  ; "Apps" / "Programs and Features".
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\icon.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; The uninstaller's first page: keep or remove what the program saved for you.
Function un.DataPage
  !insertmacro MUI_HEADER_TEXT "Uninstall ${APP}" "Your saved settings"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 48u "Your saved profiles (in your AppData folder) and the passwords you asked ${APP} to remember (in the Windows Credential Manager) are kept, so a later install finds them again."
  Pop $0
  ${NSD_CreateCheckbox} 0 56u 100% 12u "Also remove my saved profiles and remembered passwords"
  Pop $RemoveDataBox
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $RemoveDataBox $RemoveData
FunctionEnd

Function un.onInit
  StrCpy $RemoveData ${BST_UNCHECKED}
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/REMOVEDATA" $1
  ${IfNot} ${Errors}
    StrCpy $RemoveData ${BST_CHECKED}
  ${EndIf}
FunctionEnd

Section "Uninstall"
  ${If} $RemoveData == ${BST_CHECKED}
    ; The program forgets what it saved (profiles, their keyring passwords) itself.
    ExecWait '"$INSTDIR\mailtester.exe" profile forget-everything --yes'
  ${EndIf}
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$SMPROGRAMS\${APP} (command line).lnk"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\mailtester.exe"
  Delete "$INSTDIR\icon.ico"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
