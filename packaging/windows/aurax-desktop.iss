; Inno Setup script for AuraX Desktop on Windows: installs the folder made by
; `python packaging/build.py` (dist\aurax-desktop) for the current user, with a Start
; menu entry for the window and the `aurax` command added to the user's PATH.
; Build it on Windows after build.py:  iscc /DVersion=0.1.0 packaging\windows\aurax-desktop.iss
; (build.py prints the version; it comes from the package's metadata).

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6A7E2C1D-4B8F-4C6A-9E31-3F0A7D2B5C19}
AppName=AuraX Desktop
AppVersion={#Version}
AppPublisher=AuraX Desktop developers
AppPublisherURL=https://aurax.co.in
DefaultDirName={localappdata}\Programs\AuraX Desktop
DefaultGroupName=AuraX Desktop
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=aurax-desktop-{#Version}-windows-x86_64-setup
SetupIconFile=aurax-desktop.ico
UninstallDisplayIcon={app}\aurax-desktop.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\dist\aurax-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\AuraX Desktop"; Filename: "{app}\aurax-desktop.exe"
Name: "{group}\Uninstall AuraX Desktop"; Filename: "{uninstallexe}"
Name: "{userdesktop}\AuraX Desktop"; Filename: "{app}\aurax-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop icon"; Flags: unchecked
Name: "addtopath"; Description: "Add the aurax command to PATH"

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; \
    ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))
; "Open with" for pictures: Explorer starts the program with the file; when it already
; runs, the new process hands the file to the running window (ui/shell/handover.py).
Root: HKCU; Subkey: "Software\Classes\Applications\aurax-desktop.exe"; ValueType: string; \
    ValueName: "FriendlyAppName"; ValueData: "AuraX Desktop"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\aurax-desktop.exe\shell\open\command"; \
    ValueType: string; ValueData: """{app}\aurax-desktop.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\aurax-desktop.exe\SupportedTypes"; \
    ValueType: string; ValueName: ".jpg"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\.jpg\OpenWithList\aurax-desktop.exe"; \
    Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\aurax-desktop.exe\SupportedTypes"; \
    ValueType: string; ValueName: ".jpeg"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\.jpeg\OpenWithList\aurax-desktop.exe"; \
    Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\aurax-desktop.exe\SupportedTypes"; \
    ValueType: string; ValueName: ".png"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\.png\OpenWithList\aurax-desktop.exe"; \
    Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\aurax-desktop.exe\SupportedTypes"; \
    ValueType: string; ValueName: ".webp"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\.webp\OpenWithList\aurax-desktop.exe"; \
    Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\aurax-desktop.exe\SupportedTypes"; \
    ValueType: string; ValueName: ".heic"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\.heic\OpenWithList\aurax-desktop.exe"; \
    Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\aurax-desktop.exe\SupportedTypes"; \
    ValueType: string; ValueName: ".heif"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\.heif\OpenWithList\aurax-desktop.exe"; \
    Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\aurax-desktop.exe\SupportedTypes"; \
    ValueType: string; ValueName: ".tif"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\.tif\OpenWithList\aurax-desktop.exe"; \
    Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\aurax-desktop.exe\SupportedTypes"; \
    ValueType: string; ValueName: ".tiff"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\.tiff\OpenWithList\aurax-desktop.exe"; \
    Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\aurax-desktop.exe\SupportedTypes"; \
    ValueType: string; ValueName: ".bmp"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\.bmp\OpenWithList\aurax-desktop.exe"; \
    Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\aurax-desktop.exe\SupportedTypes"; \
    ValueType: string; ValueName: ".gif"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\.gif\OpenWithList\aurax-desktop.exe"; \
    Flags: uninsdeletekey

[Run]
Filename: "{app}\aurax-desktop.exe"; Description: "Start AuraX Desktop"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Folder: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Current) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Current) + ';') = 0;
end;
