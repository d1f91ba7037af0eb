#!/usr/bin/env bash
# A loopback HTTP server that prints every notification request it gets (method, path, query, headers, body) and
# answers like WeCom, Feishu, DingTalk, Aliyun SMS or a webhook receiver would. Point a channel's URL at it to see
# exactly what the hub sends; make it fail or stall to watch the retries (docs/notifications.md).
#   scripts/capture-server.sh                        # http://127.0.0.1:8787, answers by path
#   scripts/capture-server.sh --fail-first 2         # two 500s, then success: in-request retries
#   scripts/capture-server.sh --delay 8s             # slower than the per-attempt timeout
#   scripts/capture-server.sh --errcode 93000        # the platform's own error code (WeCom: invalid webhook url)
#   scripts/capture-server.sh --secret SECxxxx       # check each request's signature with the channel's secret
#   scripts/capture-server.sh --help
source "$(dirname "$0")/lib.sh"
ensure_dotnet
PROJECT="$REPO_ROOT/tools/OrderActors.CaptureServer"
log "building the capture server"
dotnet build "$PROJECT" -c Release -nologo -v quiet >/dev/null
exec dotnet "$PROJECT/bin/Release/net10.0/OrderActors.CaptureServer.dll" "$@"
