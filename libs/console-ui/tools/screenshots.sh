#!/bin/sh
# Screenshots of the console pages for the README: the real pages and scripts, served by
# screenshot-stub.py with sample answers shaped like the services' APIs (not the live stack).
# Needs python3 and Debian's chromium. Usage: libs/console-ui/tools/screenshots.sh
set -e
here=$(cd "$(dirname "$0")" && pwd); out="$here/../../../docs/screenshots"; mkdir -p "$out"
python3 "$here/screenshot-stub.py" 18081 enrollment & e=$!
python3 "$here/screenshot-stub.py" 18084 appeal & a=$!
trap 'kill $e $a' EXIT
sleep 2
shot() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --lang=zh-CN --window-size=1280,$3 \
  --virtual-time-budget=4000 --screenshot="$out/$1.png" "$2" >/dev/null 2>&1; }
shot console-start http://127.0.0.1:18081/console/index.html 800
shot console-enroll http://127.0.0.1:18081/console/enroll.html 1300
shot console-roster http://127.0.0.1:18081/console/roster.html 900
shot console-counter "http://127.0.0.1:18084/console/counter.html?person=6f1c2b7e-0a1d-4c55-9a57-3b1f2d9e8a01" 1500
shot console-dashboard http://127.0.0.1:18084/console/dashboard.html 2600
shot console-settings http://127.0.0.1:18084/console/settings.html 2600
