// Compares two screenshots with a tolerance a one-pixel shift passes and a missing bar fails.
//
// A pixel of one image matches when some pixel within `radius` of the same place in the other image is
// within `channelTolerance` in every channel (a glyph or an edge that moved by a pixel finds itself next
// door). The comparison runs both ways, so that what is missing and what is extra both count. The images
// differ when more than `maxDiffering` pixels (at least `minDiffering`, else a share of the image) have no
// match: a progress bar, a chip or a word is hundreds of pixels; antialiasing noise is a handful.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', 'package.json'));
const { PNG } = require('pngjs');

export const DEFAULTS = { radius: 1, channelTolerance: 40, share: 0.0004, minDiffering: 24 };

export function readPng(file) {
  return PNG.sync.read(fs.readFileSync(file));
}

export function writePng(file, image) {
  fs.writeFileSync(file, PNG.sync.write(image));
}

function unmatched(a, b, radius, tolerance, mark) {
  let count = 0;
  const { width, height } = a;
  for (let y = 0; y < height; ++y) {
    for (let x = 0; x < width; ++x) {
      const i = (y * width + x) * 4;
      let found = false;
      for (let dy = -radius; dy <= radius && !found; ++dy) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -radius; dx <= radius && !found; ++dx) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const j = (yy * width + xx) * 4;
          found = Math.abs(a.data[i] - b.data[j]) <= tolerance && Math.abs(a.data[i + 1] - b.data[j + 1]) <= tolerance &&
                  Math.abs(a.data[i + 2] - b.data[j + 2]) <= tolerance;
        }
      }
      if (!found) {
        ++count;
        if (mark) mark(x, y);
      }
    }
  }
  return count;
}

// Returns { same, differing, allowed, reason, diff } where diff is an image with the unmatched pixels in red
// over a faded copy of `actual` (for the artifacts of a failing run).
export function compareImages(actual, reference, options = {}) {
  const { radius, channelTolerance, share, minDiffering } = { ...DEFAULTS, ...options };
  if (actual.width !== reference.width || actual.height !== reference.height) {
    return { same: false, differing: Infinity, allowed: 0,
             reason: `size ${actual.width}x${actual.height}, reference ${reference.width}x${reference.height}` };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  for (let i = 0; i < actual.data.length; i += 4) {
    const grey = (actual.data[i] + actual.data[i + 1] + actual.data[i + 2]) / 3;
    diff.data[i] = diff.data[i + 1] = diff.data[i + 2] = 255 - (255 - grey) * 0.25;
    diff.data[i + 3] = 255;
  }
  const mark = (x, y) => {
    const i = (y * actual.width + x) * 4;
    diff.data[i] = 230; diff.data[i + 1] = 0; diff.data[i + 2] = 0;
  };
  const differing = unmatched(actual, reference, radius, channelTolerance, mark) +
                    unmatched(reference, actual, radius, channelTolerance, mark);
  const allowed = Math.max(minDiffering, Math.round(share * actual.width * actual.height));
  return { same: differing <= allowed, differing, allowed, reason: `${differing} unmatched pixels (at most ${allowed})`, diff };
}

// A copy of `image` moved right and down by (dx, dy), the uncovered edge repeating its neighbour.
export function shifted(image, dx, dy) {
  const out = new PNG({ width: image.width, height: image.height });
  for (let y = 0; y < image.height; ++y) {
    for (let x = 0; x < image.width; ++x) {
      const sx = Math.min(image.width - 1, Math.max(0, x - dx)), sy = Math.min(image.height - 1, Math.max(0, y - dy));
      const i = (y * image.width + x) * 4, j = (sy * image.width + sx) * 4;
      for (let c = 0; c < 4; ++c) out.data[i + c] = image.data[j + c];
    }
  }
  return out;
}
