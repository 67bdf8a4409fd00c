#!/usr/bin/env bash
# Copy the web UI's front-end libraries from the npm registry into the package (src/chronik/web/static/vendor),
# so that `pip install` users get them and the UI works offline. Run after changing package.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/chronik/web/static/vendor"
cd "$here"
npm install --no-audit --no-fund --ignore-scripts
rm -rf "$out" && mkdir -p "$out/images"
cp node_modules/chart.js/dist/chart.umd.min.js "$out/"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$out/"
cp node_modules/leaflet/dist/images/*.png "$out/images/"
cp node_modules/vis-network/standalone/umd/vis-network.min.js "$out/"
cp node_modules/topojson-client/dist/topojson-client.min.js "$out/"
cp node_modules/world-atlas/countries-110m.json "$out/"   # Natural Earth 1:110m country boundaries (public domain)
for p in chart.js leaflet vis-network topojson-client world-atlas; do
  lic=$(ls node_modules/$p | grep -i -m1 -E '^licen[cs]e' || true)
  [ -n "$lic" ] && cp "node_modules/$p/$lic" "$out/$p.LICENSE.txt"
done
{
  echo "# Vendored front-end libraries (written by frontend/vendor.sh; do not edit)"
  echo
  echo "| package | version | licence | files |"
  echo "|---|---|---|---|"
  declare -A files=([chart.js]="chart.umd.min.js" [leaflet]="leaflet.js leaflet.css images/" \
    [vis-network]="vis-network.min.js" [topojson-client]="topojson-client.min.js" [world-atlas]="countries-110m.json")
  for p in chart.js leaflet vis-network topojson-client world-atlas; do
    v=$(node -p "require('./node_modules/$p/package.json').version")
    l=$(node -p "require('./node_modules/$p/package.json').license")
    echo "| $p | $v | $l | ${files[$p]} |"
  done
  echo
  echo "world-atlas packages Natural Earth 1:110m boundaries (public domain, naturalearthdata.com)."
  echo "Licence texts: <package>.LICENSE.txt beside this file."
} > "$out/VENDOR.md"
( cd "$out" && sha256sum *.js *.css *.json > SHA256SUMS )
echo "vendored into $out"
