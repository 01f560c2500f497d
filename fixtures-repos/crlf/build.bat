@echo off
echo building
exit /b 0
