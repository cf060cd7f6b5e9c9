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
