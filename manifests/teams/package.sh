#!/usr/bin/env bash
# Builds the Teams app package to upload: target/teams/tandem-teams.zip, holding manifest.json (with the
# placeholders replaced), color.png and outline.png at the root of the zip.
#
#   MICROSOFT_APP_ID=<the Azure Bot's Microsoft App ID> TANDEM_HOST=<tandem.example.com> bash manifests/teams/package.sh
#
# TEAMS_PACKAGE_DIR, if set, is where the zip goes instead of target/teams (the tests use it).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"

# What the committed manifest.json holds in their place.
placeholder_id="00000000-0000-0000-0000-000000000000"
placeholder_host="YOUR-TANDEM-HOST"

fail() {
  echo "package.sh: $*" >&2
  exit 2
}

app_id="${MICROSOFT_APP_ID:-}"
host="${TANDEM_HOST:-}"

[[ -n "$app_id" ]] || fail "MICROSOFT_APP_ID is required: the Microsoft App ID of your Azure Bot, a GUID such as 11111111-2222-3333-4444-555555555555"
[[ "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]] \
  || fail "MICROSOFT_APP_ID must be a GUID such as 11111111-2222-3333-4444-555555555555, got '$app_id'"
[[ "$app_id" != "$placeholder_id" ]] || fail "MICROSOFT_APP_ID is the all-zero placeholder: use your Azure Bot's Microsoft App ID"

[[ -n "$host" ]] || fail "TANDEM_HOST is required: the public host name of your Tandem, without https://, e.g. tandem.example.com"
label='[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
[[ "$host" =~ ^$label(\.$label)*$ && ${#host} -le 253 ]] \
  || fail "TANDEM_HOST must be a host name without scheme, port or path, e.g. tandem.example.com, got '$host'"

out_dir="${TEAMS_PACKAGE_DIR:-$project/target/teams}"
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"
zip_file="$out_dir/tandem-teams.zip"

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

sed -e "s/$placeholder_id/$app_id/g" -e "s/$placeholder_host/$host/g" "$here/manifest.json" > "$staging/manifest.json"
cp "$here/color.png" "$here/outline.png" "$staging/"
if grep -q -e "$placeholder_id" -e "$placeholder_host" "$staging/manifest.json"; then
  fail "a placeholder is left in manifest.json"
fi

# zip adds to an existing archive: always start from nothing.
rm -f "$zip_file"
files=(manifest.json color.png outline.png)
if command -v zip > /dev/null; then
  (cd "$staging" && zip -q -X "$zip_file" "${files[@]}")
elif command -v python3 > /dev/null; then
  (cd "$staging" && python3 -m zipfile -c "$zip_file" "${files[@]}")
elif command -v jar > /dev/null; then
  (cd "$staging" && jar cfM "$zip_file" "${files[@]}")
else
  fail "found none of zip, python3 or jar to build the zip"
fi

echo "Teams app package: $zip_file"
echo "Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center."
