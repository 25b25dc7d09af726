@echo off
rem Register daily_collect.bat with Windows Task Scheduler (run once, from any folder).
rem   register_scheduler.bat            weekdays at 18:30 local time (after the KRX close in Korea)
rem   register_scheduler.bat 07:00      weekdays at another time (e.g. after the NYSE close, seen
rem                                     from Korea the next morning)
rem Remove it again with: schtasks /Delete /TN "StockVis Daily Collect" /F
setlocal
set TASK_NAME=StockVis Daily Collect
set START_TIME=%~1
if "%START_TIME%"=="" set START_TIME=18:30
set SCRIPT=%~dp0daily_collect.bat

schtasks /Create /F /TN "%TASK_NAME%" /SC WEEKLY /D MON,TUE,WED,THU,FRI /ST %START_TIME% ^
  /TR "\"%SCRIPT%\"" /RL LIMITED
if errorlevel 1 (
  echo Could not register the task; run this from an account allowed to create scheduled tasks.
  exit /b 1
)
echo Registered "%TASK_NAME%": weekdays at %START_TIME%, logs in logs\collect_YYYYMMDD.log
schtasks /Query /TN "%TASK_NAME%"
