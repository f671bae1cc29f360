# platform_token <partner> <role> <scope> <audience> <key>: prints a platform identity token (a JWT signed HS256, 60 s),
# as the gateway signs for a partner; for scripts that call a service directly (benchmarks). Needs openssl.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
platform_token() {
  local partner="$1" role="$2" scope="$3" audience="$4" key="$5" now header payload signature
  now="$(date +%s)"
  header="$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)"
  payload="$(printf '{"iss":"platform","aud":"%s","sub":"%s","role":"%s","scope":"%s","iat":%d,"nbf":%d,"exp":%d}' \
    "$audience" "$partner" "$role" "$scope" "$now" "$now" $((now + 60)) | b64url)"
  signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$key" -binary | b64url)"
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}
