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

# Flash-challenge pictograms for the family truck: start, repeat, flag, clock (10 and 15 minutes), robot;
# drawn at 200 px, then shrunk to 72 px so a step shows them in a row like words.
P=lessons/camion-parentalite/images
mkdir -p "$P"
convert -size 200x200 xc:white -fill '#43a047' -draw 'polygon 60,40 60,160 160,100' "$P/lancer.png"
convert -size 200x200 xc:white -fill none -stroke '#fb8c00' -strokewidth 16 -draw 'arc 40,40 160,160 30,330' \
  -fill '#fb8c00' -stroke none -draw 'polygon 150,60 185,95 130,105' "$P/repeter.png"
convert -size 200x200 xc:white -fill '#37474f' -draw 'rectangle 50,30 60,180' \
  -fill '#e53935' -draw 'polygon 60,30 160,60 60,95' "$P/arrivee.png"
convert -size 200x200 xc:white -fill white -stroke '#1e88e5' -strokewidth 12 -draw 'circle 100,100 100,25' \
  -fill '#1e88e5' -stroke none -draw 'path "M 100,100 L 100,32 A 68,68 0 0,1 159,66 Z"' "$P/dix-minutes.png"
convert -size 200x200 xc:white -fill '#1e88e5' -draw 'polygon 100,20 40,110 160,110' \
  -fill '#cfd8dc' -stroke '#37474f' -strokewidth 4 -draw 'circle 100,140 100,100' "$P/robot.png"
convert -size 200x200 xc:white -fill white -stroke '#1e88e5' -strokewidth 12 -draw 'circle 100,100 100,25' \
  -fill '#1e88e5' -stroke none -draw 'path "M 100,100 L 100,32 A 68,68 0 0,1 168,100 Z"' "$P/quinze-minutes.png"
for f in "$P"/*.png; do convert "$f" -resize 72x72 "$f"; done
