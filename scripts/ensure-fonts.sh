#!/usr/bin/env bash
# Installs the Debian fonts the PDFs fall back on (decision 0012) when one is missing:
# Noto for scripts beyond Libertinus Serif, Noto CJK for Chinese, Japanese and Korean,
# Noto Color Emoji. core/pdf.py reads them from these directories only.
set -euo pipefail
PACKAGES=(fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji)
FILES=(
    /usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf
    /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
    /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf
)
missing=0
for file in "${FILES[@]}"; do
    [ -f "$file" ] || missing=1
done
if [ "$missing" -eq 0 ]; then
    exit 0
fi
echo "Installerar Debians typsnitt för PDF:erna (${PACKAGES[*]}) …"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Typsnitt saknas och sudo finns inte: installera paketen ${PACKAGES[*]}." >&2; exit 1; }
    SUDO="sudo"
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
for file in "${FILES[@]}"; do
    test -f "$file"
done
