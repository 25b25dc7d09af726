@echo off
rem Stock-Vis daily collection for Windows Task Scheduler (for machines without Celery beat).
rem Collects the last 7 days for every active asset (a missed day heals on the next run), then
rem runs the health check. Output goes to logs\collect_YYYYMMDD.log beside the repository.
rem Exit status: that of `stockvis collect` (0 ok, 1 partial failure, 2 failure), or 1 when the
rem collection succeeded but the health check found stale assets.
setlocal
cd /d "%~dp0\..\.."
if not exist logs mkdir logs

rem Today as YYYYMMDD whatever the regional date format (PowerShell is on every Windows 10+).
for /f %%d in ('powershell -NoProfile -Command "Get-Date -Format yyyyMMdd"') do set TODAY=%%d
set LOG=logs\collect_%TODAY%.log

echo ==== %DATE% %TIME% collect ==== >> "%LOG%"
.venv\Scripts\stockvis.exe collect --no-progress >> "%LOG%" 2>&1
set COLLECT_STATUS=%ERRORLEVEL%

echo ==== %DATE% %TIME% healthcheck ==== >> "%LOG%"
.venv\Scripts\stockvis.exe healthcheck >> "%LOG%" 2>&1
set HEALTH_STATUS=%ERRORLEVEL%

echo ==== finished: collect %COLLECT_STATUS%, healthcheck %HEALTH_STATUS% ==== >> "%LOG%"
if not "%COLLECT_STATUS%"=="0" exit /b %COLLECT_STATUS%
exit /b %HEALTH_STATUS%
