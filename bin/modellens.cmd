@echo off
rem Runs ModelLens with the JVM options of bin/modellens (see there; LauncherOptionsTest holds them equal),
rem without its class-data archive. MODELLENS_JAVA_OPTS adds or overrides options.
set "jar=%~dp0..\app\target\modellens-app.jar"
set "opts=-XX:+UseSerialGC -Xmn16m -Xms64m -XX:PretenureSizeThreshold=256k -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:MaxRAMPercentage=50"
if not "%~1"=="" set "opts=%opts% -XX:TieredStopAtLevel=1 -XX:Tier3BackEdgeThreshold=6000"
java %opts% %MODELLENS_JAVA_OPTS% -jar "%jar%" %*
