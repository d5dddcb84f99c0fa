#!/usr/bin/env bash
# gsyf over HTTP with curl (run by packages/server/test/Readme.test.ts against a real server).
# GSYF_URL: the server, e.g. http://127.0.0.1:8080 (`gsyf serve --api-keys keys.json`); GSYF_KEY: the caller's API
# key; COMMAND: a file holding one command of the lifecycle as JSON (its actor is the key's subject).
set -euo pipefail
# #region curl
# send a command to project city-2026: 200 with the events it recorded, or a problem (422 with the rule ids)
curl -sS -X POST "$GSYF_URL/projects/city-2026/commands" \
  -H "authorization: Bearer $GSYF_KEY" -H "content-type: application/json" \
  --data @"$COMMAND"
echo
# the project's state, then its events after position 0
curl -sS "$GSYF_URL/projects/city-2026/state" -H "authorization: Bearer $GSYF_KEY"
echo
curl -sS "$GSYF_URL/projects/city-2026/events?after=0" -H "authorization: Bearer $GSYF_KEY"
echo
# the OpenAPI 3.1 document that describes every endpoint
curl -sS "$GSYF_URL/openapi.json" -o openapi.json
# #endregion curl
