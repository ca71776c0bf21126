#!/bin/sh
# Draws assets/icon/prunelab.png (256x256), the application icon: a rounded tile with a small network
# whose pruned connections are left out. Needs ImageMagick's `convert`; run from this folder.
set -e
convert -size 256x256 xc:none \
  -fill '#1f6feb' -draw 'roundrectangle 8,8 247,247 44,44' \
  -stroke '#9ec5ff' -strokewidth 7 \
  -draw 'line 64,72 128,128' -draw 'line 64,128 128,128' -draw 'line 64,184 128,72' \
  -draw 'line 128,72 192,128' -draw 'line 128,128 192,128' -draw 'line 128,184 192,128' \
  -draw 'line 64,184 128,184' \
  -stroke none -fill white \
  -draw 'circle 64,72 64,90' -draw 'circle 64,128 64,146' -draw 'circle 64,184 64,202' \
  -draw 'circle 128,72 128,90' -draw 'circle 128,128 128,146' -draw 'circle 128,184 128,202' \
  -fill '#ffd33d' -draw 'circle 192,128 192,150' \
  -strip PNG32:prunelab.png
