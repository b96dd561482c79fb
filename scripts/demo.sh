#!/usr/bin/env bash
# make demo: the whole GitOps story on a local, simulated cluster, in plain words.
#   1. start the Sandbox (a Kubernetes API server with simulated controllers) on 127.0.0.1;
#   2. build a throwaway git repository from this repository's chart, overlays, policies and
#      shipshape.yaml;
#   3. reconcile dev and show the workloads;
#   4. change the cluster behind git's back, show the drift and correct it;
#   5. commit a broken image tag, reconcile, watch the health check fail and roll back;
#   6. print the history;
#   7. hand over to the cluster: serve the repository over HTTPS, install Shipshape's own
#      CronJobs, and watch their pods run the real binary under their own service accounts,
#      applying a pushed commit on schedule.
# Nothing outside a temporary folder is touched; the Sandbox stops when the demo ends.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shipshape=${1:-.build/debug/shipshape}
[[ "$shipshape" = /* ]] || shipshape="$here/$shipshape"
work=$(mktemp -d)
sandbox_pid=""
git_pid=""
cleanup() {
  if [[ -n "$git_pid" ]]; then kill "$git_pid" 2>/dev/null || true; wait "$git_pid" 2>/dev/null || true; fi
  if [[ -n "$sandbox_pid" ]]; then kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

bold=$'\033[1m'; plain=$'\033[0m'
step() { printf '\n%s==> %s%s\n' "$bold" "$*" "$plain"; }
say() { printf '    %s\n' "$*"; }
run() { printf '$ %s\n' "$*" >&2; "$@"; }
ns=chatbot-dev
kubeconfig="$work/sandbox.kubeconfig"
ss() { "$shipshape" "$@" --config "$work/repo/shipshape.yaml" --kubeconfig "$kubeconfig" --context sandbox; }
show() {  # the workloads, with kubectl when it is installed, else with Shipshape's own client
  if command -v kubectl >/dev/null; then
    run kubectl --kubeconfig "$kubeconfig" get deploy,pods,hpa -n "$ns"
  else
    for kind in deployments pods horizontalpodautoscalers; do
      run "$shipshape" kube get "$kind" -n "$ns" --kubeconfig "$kubeconfig"
    done
  fi
}

step "Start the Sandbox: a simulated Kubernetes cluster on 127.0.0.1 (60 simulated seconds per second)"
"$shipshape" sandbox --port 0 --speed 60 --kubeconfig "$kubeconfig" >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 100); do grep -q "kubeconfig written" "$work/sandbox.log" 2>/dev/null && break; sleep 0.1; done
grep -q "kubeconfig written" "$work/sandbox.log" || { cat "$work/sandbox.log"; echo "the Sandbox did not start"; exit 2; }
say "$(grep 'serving' "$work/sandbox.log" | sed 's/^sandbox: //')"
say "kubeconfig: $kubeconfig (context \"sandbox\")"

step "Create a git repository from this repository's charts, overlays, policies and shipshape.yaml"
mkdir -p "$work/repo"
cp -R "$here/charts" "$here/overlays" "$here/policies" "$here/shipshape.yaml" "$work/repo/"
mkdir -p "$work/repo/overlays/dev"
cd "$work/repo"
export GIT_AUTHOR_NAME="Demo Engineer" GIT_AUTHOR_EMAIL="engineer@example.com"
export GIT_COMMITTER_NAME="Demo Engineer" GIT_COMMITTER_EMAIL="engineer@example.com"
git init -q -b main && git add -A && git commit -q -m "chatbot: configuration for dev and prod"
say "$(git log --oneline | head -1)"
say "shipshape.yaml names dev's cluster as a kubeconfig context; --kubeconfig/--context point it at the Sandbox."
# The story needs one workload without an HPA (its replicas are git's). When dev autoscales the
# frontend, turn its HPA off in dev, as an engineer would: one values commit.
[[ -f overlays/dev/values.yaml ]] || { printf '# dev overrides of charts/chatbot/values.yaml\n' > overlays/dev/values.yaml; git add overlays/dev/values.yaml; git commit -q -m "dev: overlay values"; }
targets=$("$shipshape" render charts/chatbot -f overlays/dev/values.yaml 2>/dev/null | awk '/scaleTargetRef:/{f=1} f&&/name:/{print $2; f=0}')
if grep -qx frontend-deployment <<<"$targets"; then
  run "$shipshape" values set overlays/dev/values.yaml frontend.hpa.enabled false --type bool >/dev/null
  run "$shipshape" values set overlays/dev/values.yaml frontend.replicaCount 1 --type int >/dev/null
fi
# Shipshape's own CronJobs come at the end of the story, once the repository is served to them.
run "$shipshape" values set overlays/dev/values.yaml monitoring.enabled false --type bool >/dev/null
git commit -q -am "dev: one frontend replica, no HPA; Shipshape's own jobs later"
say "committed: $(git log --oneline | head -1)"

step "Reconcile dev: render the branch head, check the policies, apply in dependency order, wait for health"
run "$shipshape" reconcile --env dev --config "$work/repo/shipshape.yaml" --kubeconfig "$kubeconfig" --context sandbox
step "The workloads in $ns"
show

step "Change the cluster behind git's back: scale the frontend (no HPA) to 5, and edit the backend's image"
if command -v kubectl >/dev/null; then
  run kubectl --kubeconfig "$kubeconfig" -n "$ns" scale deployment/frontend-deployment --replicas=5
  run kubectl --kubeconfig "$kubeconfig" -n "$ns" set image deployment/backend-deployment backend=todo-chatbot/backend:9.9-hotfix
else
  printf '{"spec":{"replicas":5}}' >"$work/scale.json"
  say "(kubectl is not installed: the same changes through the API with curl)"
  server=$(grep 'server:' "$kubeconfig" | awk '{print $2}')
  run curl -sf -o /dev/null -X PATCH -H 'Content-Type: application/merge-patch+json' --data @"$work/scale.json" \
      "$server/apis/apps/v1/namespaces/$ns/deployments/frontend-deployment/scale"
  run curl -sf -o /dev/null -X PATCH -H 'Content-Type: application/strategic-merge-patch+json' \
      --data '{"spec":{"template":{"spec":{"containers":[{"name":"backend","image":"todo-chatbot/backend:9.9-hotfix"}]}}}}' \
      "$server/apis/apps/v1/namespaces/$ns/deployments/backend-deployment?fieldManager=kubectl-set"
fi

step "shipshape diff: the drift, field by field, like kubectl diff (exit status 1: differences)"
set +e; printf '$ shipshape diff --env dev\n'; ss diff --env dev; status=$?; set -e
say "diff exited with $status"

step "Reconcile again: the drift is corrected (the HPA-managed backend keeps whatever replicas its HPA chose)"
printf '$ shipshape reconcile --env dev\n'; ss reconcile --env dev
show

step "Commit a broken image tag for the backend (a build that crashes 5 s after starting)"
run "$shipshape" values set overlays/dev/values.yaml backend.image.tag 1.5.0-crash --type string >/dev/null
if [[ -f overlays/dev/kustomization.yaml ]] && grep -q "name: todo-chatbot/backend" overlays/dev/kustomization.yaml; then
  # dev's kustomization pins the image tag too: the release changes it there as well.
  run "$shipshape" values set overlays/dev/kustomization.yaml 'images[name=todo-chatbot/backend].newTag' 1.5.0-crash --type string >/dev/null
fi
git commit -q -am "backend: release 1.5.0"
say "committed: $(git log --oneline | head -1)"

step "Reconcile: the new pods crash-loop, the health check fails, and Shipshape rolls back to the last healthy revision"
set +e; printf '$ shipshape reconcile --env dev\n'; ss reconcile --env dev; status=$?; set -e
say "reconcile exited with $status (1: the revision was unhealthy and was rolled back)"
show

step "Reconcile once more: the failed revision is not retried until a newer commit arrives"
printf '$ shipshape reconcile --env dev\n'; ss reconcile --env dev

step "The history of dev: revisions, health, drift corrected and the rollback, from the state ConfigMap"
printf '$ shipshape history --env dev\n'; ss history --env dev

step "Fix forward: revert the broken release in git (a newer commit, so reconcile moves on)"
git revert --no-edit HEAD >/dev/null
say "committed: $(git log --oneline | head -1)"

step "Hand over to the cluster: serve the repository over HTTPS (nginx + git http-backend, token auth)"
mkdir -p "$work/git"
"$here/scripts/serve-git.sh" "$work/git" >"$work/git.log" 2>&1 &
git_pid=$!
for _ in $(seq 1 100); do [[ -s "$work/git/url" ]] && break; sleep 0.1; done
[[ -s "$work/git/url" ]] || { cat "$work/git.log"; echo "the git server did not start"; exit 2; }
git_url="$(cat "$work/git/url")/config.git"
export GIT_SSL_CAINFO="$work/git/ca.crt"
git clone -q --bare "$work/repo" "$work/git/repos/config.git"
git -C "$work/git/repos/config.git" config http.receivepack true
git remote add origin "${git_url/https:\/\//https://x-access-token:$(cat "$work/git/token")@}"
say "serving $git_url (user x-access-token, a random token)"
run "$shipshape" values set overlays/dev/values.yaml monitoring.enabled true --type bool >/dev/null
run "$shipshape" values set overlays/dev/values.yaml monitoring.repository.url "$git_url" --type string >/dev/null
git commit -q -am "dev: Shipshape's own jobs run in the cluster, reading this repository"
git push -q origin main
say "pushed: $(git log --oneline | head -1)"

step "The jobs' credentials: the shipshape-git Secret (token and the server's CA), made by the operator, never by git"
kubectl --kubeconfig "$kubeconfig" -n "$ns" create secret generic shipshape-git --dry-run=client -o yaml \
  --from-file=token="$work/git/token" --from-file=ca.crt="$work/git/ca.crt" >"$work/secret.yaml"
run kubectl --kubeconfig "$kubeconfig" apply -f "$work/secret.yaml"

step "Reconcile once by hand: this installs Shipshape's own CronJobs, service accounts and Roles"
printf '$ shipshape reconcile --env dev\n'; ss reconcile --env dev
run kubectl --kubeconfig "$kubeconfig" -n "$ns" get cronjobs,serviceaccounts,roles

wait_job() {  # the first Job of CronJob $1 after the ones listed in $2 finishes; prints its name
  local name=""
  for _ in $(seq 1 300); do
    name=$(kubectl --kubeconfig "$kubeconfig" -n "$ns" get jobs -o name 2>/dev/null | grep "/$1-" | grep -vxF -f <(printf '%s\n' $2 x) | head -1 || true)
    if [[ -n "$name" ]] && kubectl --kubeconfig "$kubeconfig" -n "$ns" get "$name" -o jsonpath='{.status.conditions[*].type}' | grep -qE 'Complete|Failed'; then
      echo "$name"; return 0
    fi
    sleep 0.2
  done
  echo "no $1 job finished" >&2; return 1
}

step "Let simulated time run: the reconcile CronJob's pod runs the real shipshape, in the cluster, as shipshape-reconcile"
first=$(wait_job shipshape-reconcile "")
run kubectl --kubeconfig "$kubeconfig" -n "$ns" get "$first" -o wide
run kubectl --kubeconfig "$kubeconfig" -n "$ns" logs "$first"
run kubectl --kubeconfig "$kubeconfig" auth can-i --as system:serviceaccount:$ns:shipshape-reconcile list secrets -n "$ns" || true
run kubectl --kubeconfig "$kubeconfig" auth can-i --as system:serviceaccount:$ns:shipshape-reconcile patch deployments -n "$ns" || true

step "The logs CronJob ran as well, as shipshape-logs: each workload's log lines since its last run, mined to templates"
logs1=$(wait_job shipshape-logs "")
run kubectl --kubeconfig "$kubeconfig" -n "$ns" logs "$logs1"
logs2=$(wait_job shipshape-logs "$logs1")
run kubectl --kubeconfig "$kubeconfig" -n "$ns" logs "$logs2"

step "Push a change; the next scheduled run applies it (no one runs reconcile by hand)"
run "$shipshape" values set overlays/dev/values.yaml backend.config.LOG_LEVEL warning --type string >/dev/null
git commit -q -am "backend: log warnings only" && git push -q origin main
say "pushed: $(git log --oneline | head -1)"
second=$(wait_job shipshape-reconcile "$first")
run kubectl --kubeconfig "$kubeconfig" -n "$ns" logs "$second"
run kubectl --kubeconfig "$kubeconfig" -n "$ns" get configmap backend-config -o jsonpath='{.data.LOG_LEVEL}{"\n"}'
kill "$git_pid" 2>/dev/null || true

step "Done. Everything above ran against the Sandbox; git was the only author of desired state."
