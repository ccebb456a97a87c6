#!/usr/bin/env bash
# Regenerates docs/report-summary.png (page 1 of the sample case's PDF report) and
# docs/excel-summary.png (its Excel Summary sheet as LibreOffice prints it), shown in README.md.
# Needs the built app jar (mvn -q package -DskipTests), poppler-utils (pdftoppm) and LibreOffice.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar app/target/modellens-app.jar diagnose --train sample-data/case/train.csv --prod sample-data/case/prod.csv \
    --reference sample-data/case/reference.csv --target defaulted --model sample-data/case/model.json \
    --time-column application_date --xlsx "$work/report.xlsx" --pdf "$work/report.pdf" --fail-on never 2>/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/report.pdf" docs/report-summary
soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work/lo" \
    "$work/report.xlsx" >/dev/null
# The Summary sheet fills the first landscape page; crop it to the sheet's text.
pdftoppm -png -r 110 -f 1 -l 1 -singlefile -x 40 -y 60 -W 1200 -H 760 "$work/lo/report.pdf" docs/excel-summary
echo "wrote docs/report-summary.png and docs/excel-summary.png"
