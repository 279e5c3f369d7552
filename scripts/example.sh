#!/usr/bin/env bash
# The main job on the bundled example, from a fresh machine: set up, build the command line,
# then do what a finance-bureau reviewer and a clerk would do with seed 000 (大同市人社局 2024).
# Outputs go to out/example/ (the bundled example itself is never written).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run -s build:cli
mkdir -p out/example
BD="node bin/budget-disclosure.js"
EXAMPLE=assets/example/datong-2024.xlsx

echo; echo "== 1. 校验随附示例（大同市人社局2024年单位预算公开，含真实错误）=="
$BD check "$EXAMPLE" || true   # exit 1 = errors found, which this example has

echo; echo "== 2. 生成2026年空白模板（13张表，含公式）=="
$BD generate --year 2026 --unit "大同市人力资源和社会保障局" --level 单位 -o out/example/template-2026.xlsx --force

echo; echo "== 3. 按表12生成绩效目标表 =="
$BD forms "$EXAMPLE" -o out/example/with-forms.xlsx --city 大同 --force

echo; echo "== 4. 由表格生成第三部分 情况说明 =="
$BD narrative "$EXAMPLE" | head -40

echo; echo "== 5. 尾差调平（舍位平衡），逐项说明改动 =="
$BD balance "$EXAMPLE" -o out/example/balanced.xlsx --force | head -40

echo; echo "输出文件在 out/example/。浏览器版：npm start（http://127.0.0.1:3100/）"
