; Inno Setup script: a per-user installer for Windows, no administrator rights needed.
; Built by CI (.github/workflows/windows.yml) after `python packaging/build.py`:
;     ISCC.exe /DAppVersion=0.1.0 packaging\windows\cadre-desktop.iss
; Installs dist\cadre-desktop\ into %LOCALAPPDATA%\Programs\Cadre Desktop, a Start menu
; entry (and a desktop one if asked), adds the folder to the user's PATH so that
; `cadre-desktop` works in a terminal, and an uninstaller. Office data is never touched:
; it lives in %LOCALAPPDATA%\CadreDesktop and stays when the program is removed.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B1F3C2E-4D1A-4E47-9A8B-3C2D7E5F1A90}
AppName=Cadre Desktop
AppVersion={#AppVersion}
AppPublisher=Cadre Desktop
AppComments=Quản lý cán bộ, đoàn viên, lớp bồi dưỡng và báo cáo của Đoàn
PrivilegesRequired=lowest
DefaultDirName={autopf}\Cadre Desktop
DefaultGroupName=Cadre Desktop
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64
ArchitecturesInstallIn64BitMode=x64
OutputDir=..\..\dist
OutputBaseFilename=CadreDesktop-Setup-{#AppVersion}
SetupIconFile=..\..\src\cadre_desktop\resources\icons\cadre-desktop.ico
UninstallDisplayIcon={app}\CadreDesktop.exe
UninstallDisplayName=Cadre Desktop
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes
CloseApplications=yes

[Languages]
; Inno Setup ships no Vietnamese messages; its own buttons stay in English, the few words
; written here are Vietnamese.
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Tạo biểu tượng trên màn hình (Desktop)"; Flags: unchecked

[Files]
Source: "..\..\dist\cadre-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Cadre Desktop"; Filename: "{app}\CadreDesktop.exe"; Comment: "Quản lý cán bộ, đoàn viên"
Name: "{autodesktop}\Cadre Desktop"; Filename: "{app}\CadreDesktop.exe"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\CadreDesktop.exe"; Description: "Mở Cadre Desktop"; Flags: nowait postinstall skipifsilent

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

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Current, Folder: string;
  At: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Current) then
    exit;
  Folder := ExpandConstant('{app}');
  At := Pos(';' + Uppercase(Folder), Uppercase(Current));
  if At > 0 then
  begin
    Delete(Current, At, Length(Folder) + 1);
    RegWriteExpandStringValue(HKCU, 'Environment', 'Path', Current);
  end;
end;
