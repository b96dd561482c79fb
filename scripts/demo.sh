#!/usr/bin/env bash
# make demo: what Shipshape can do today, on a scratch copy of the chatbot's values file.
# (When the Sandbox and reconcile land, this becomes the full GitOps story on a local cluster.)
set -euo pipefail
shipshape=${1:-.build/debug/shipshape}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp docs/examples/chatbot-values.yaml "$work/values.yaml"
cp "$work/values.yaml" "$work/values.before.yaml"
cd "$work"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Read the backend's CPU limit, as a script would"
echo "\$ shipshape values get values.yaml backend.resources.limits.cpu"
"$OLDPWD/$shipshape" values get values.yaml backend.resources.limits.cpu

step "Lower it to 750m: Shipshape changes only the bytes of that scalar"
echo "\$ shipshape values set values.yaml backend.resources.limits.cpu 750m --type quantity"
"$OLDPWD/$shipshape" values set values.yaml backend.resources.limits.cpu 750m --type quantity
diff -u values.before.yaml values.yaml || true

cp values.yaml values.before.yaml
step "Add a value that is not there yet: one correctly indented line"
echo "\$ shipshape values set values.yaml backend.probes.startup.failureThreshold 30"
"$OLDPWD/$shipshape" values set values.yaml backend.probes.startup.failureThreshold 30 --type int
diff -u values.before.yaml values.yaml || true

step "A type mismatch is refused, names the place, and leaves the file untouched"
echo "\$ shipshape values set values.yaml backend.replicaCount three"
cp values.yaml values.checkpoint.yaml
if "$OLDPWD/$shipshape" values set values.yaml backend.replicaCount three; then
  echo "unexpected: the edit was accepted"; exit 1
fi
cmp -s values.yaml values.checkpoint.yaml && echo "(values.yaml is unchanged)"
