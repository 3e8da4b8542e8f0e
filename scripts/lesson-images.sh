#!/bin/sh
# Draws the pictures of the built-in lesson packs (PNG: packs refuse SVG) with ImageMagick.
# Run from the repository root after `apt-get install -y imagemagick`; the PNGs are committed,
# so neither the build nor CI needs ImageMagick.
set -eu
F=DejaVu-Sans-Bold

# The robot seen from above. $1: file, $2: 0 = it faces up (away from you), 180 = it faces you.
robot() {
  convert -size 420x420 xc:white -font "$F" \
    \( -size 420x420 xc:none -fill '#cfd8dc' -stroke '#37474f' -strokewidth 4 -draw 'circle 210,210 210,90' \
       -fill '#43a047' -stroke none -draw 'roundrectangle 70,150 110,270 10,10' \
       -fill '#fb8c00' -draw 'roundrectangle 310,150 350,270 10,10' \
       -fill '#1e88e5' -draw 'polygon 210,60 170,130 250,130' \
       -fill '#37474f' -draw 'rectangle 200,130 220,200' \
       -fill white -pointsize 34 -draw "text 77,225 'G'" -draw "text 316,225 'D'" \
       -rotate "$2" \) -gravity center -composite "$1"
}
robot lessons/premiers-pas/images/robot-de-dos.png 0
robot lessons/premiers-pas/images/robot-de-face.png 180
