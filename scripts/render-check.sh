#!/usr/bin/env bash
# Rendering check: generate (or take) a workbook, let LibreOffice recalculate and print it to PDF,
# and rasterise every page at 60 dpi so a person (or a test) can look at merged headers, column
# widths (no ###) and the CJK font.
#   scripts/render-check.sh OUT_DIR [WORKBOOK.xlsx]
# Without WORKBOOK a fresh 13-table template (2026, 大同市就业创业服务中心) is generated.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT_DIR="${1:?用法：scripts/render-check.sh 输出目录 [工作簿.xlsx]}"
mkdir -p "$OUT_DIR"
OUT_DIR="$(cd "$OUT_DIR" && pwd)"
for tool in soffice pdftoppm pdftotext; do
  command -v "$tool" >/dev/null || { echo "render-check: 缺少 $tool，请先运行 scripts/setup.sh" >&2; exit 1; }
done

if [ $# -ge 2 ]; then
  BOOK="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
else
  BOOK="$OUT_DIR/template.xlsx"
  node_modules/.bin/tsx src/cli/main.ts generate --year 2026 --unit "大同市就业创业服务中心" -o "$BOOK" --force
fi

# Same code path as the tests and the CLI (throwaway profile, forced recalculation).
PDF="$(BOOK="$BOOK" OUT_DIR="$OUT_DIR" node_modules/.bin/tsx -e '
import { convertToPdf } from "./src/xlsx/libreoffice";
convertToPdf(process.env.BOOK as string, (process.env.OUT_DIR as string) + "/pdf").then((p) => console.log(p)).catch((e) => { console.error(String(e)); process.exit(1); });
')"
rm -f "$OUT_DIR"/page-*.png
pdftoppm -r 60 -png "$PDF" "$OUT_DIR/page"
pdftotext -layout "$PDF" "$OUT_DIR/text.txt"
echo "render-check: $PDF ($(ls "$OUT_DIR"/page-*.png | wc -l) pages) → $OUT_DIR/page-*.png, $OUT_DIR/text.txt"
