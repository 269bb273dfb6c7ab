/**
 * Draws the demo product renders as small SVG files: `npx tsx scripts/generate-images.ts`.
 *
 * public/images/products/<product>/<colour>-<n>.svg  one per view in IMAGE_VIEWS, for every colour
 * public/images/categories/<category>.svg            800 × 800 tiles
 * public/images/hero/<product>.svg                   1600 × 640 banners, product on the right, room for copy left
 *
 * Output is deterministic and self-contained (no fonts beyond generic sans-serif, no external references).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  categoryImageUrl,
  DEMO_CATEGORIES,
  DEMO_PRODUCTS,
  heroImageUrl,
  imagesFor,
  type SeedProduct,
} from "../db/seed-data";

const PUBLIC = path.join(process.cwd(), "public");
const MAX_BYTES = 8 * 1024;
const ACCENT = "#f0553a";

// ─── Colour ──────────────────────────────────────────────────────────────────

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hexOf([r, g, b]: Rgb): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

function mix(a: string, b: string, t: number): string {
  const x = rgb(a);
  const y = rgb(b);
  return hexOf([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

function hsl(hex: string): [h: number, s: number, l: number] {
  const [r, g, b] = rgb(hex).map((v) => v / 255) as Rgb;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return [0, 0, l];
  const sat = d / (1 - Math.abs(2 * l - 1));
  const h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, sat, l];
}

function fromHsl(h: number, sat: number, l: number): string {
  const c = (1 - Math.abs(2 * l - 1)) * sat;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    h < 60
      ? [c, x, 0]
      : h < 120
        ? [x, c, 0]
        : h < 180
          ? [0, c, x]
          : h < 240
            ? [0, x, c]
            : h < 300
              ? [x, 0, c]
              : [c, 0, x];
  return hexOf([(r + m) * 255, (g + m) * 255, (b + m) * 255]);
}

interface Palette {
  base: string;
  hi: string;
  hi2: string;
  lo: string;
  lo2: string;
  /** Wallpaper tones: the colour's hue, saturated, light to deep; slate blue for greys. */
  screen: [string, string, string];
  /** Logo/engraving colour that reads on the body. */
  mark: string;
  light: boolean;
  dark: boolean;
}

function screenTones(hex: string): [string, string, string] {
  const [h, sat] = hsl(hex);
  const grey = sat < 0.15;
  const hue = grey ? 222 : h;
  const s2 = grey ? 0.28 : Math.max(sat, 0.5);
  return [fromHsl(hue, s2, 0.72), fromHsl(hue, s2, 0.46), fromHsl(hue, s2 * 0.9, 0.16)];
}

function palette(hex: string): Palette {
  const l = luminance(hex);
  const light = l > 0.78;
  const dark = l < 0.2;
  // Very light bodies shade towards cool grey, not black, or white plastic looks dirty.
  const shade = light ? "#7b8494" : "#000000";
  return {
    base: hex,
    hi: mix(hex, "#ffffff", dark ? 0.22 : 0.4),
    hi2: mix(hex, "#ffffff", dark ? 0.45 : 0.75),
    lo: mix(hex, shade, light ? 0.28 : 0.28),
    lo2: mix(hex, shade, light ? 0.55 : 0.55),
    screen: screenTones(hex),
    mark: dark ? "#ffffff" : "#000000",
    light,
    dark,
  };
}

// ─── SVG builder ─────────────────────────────────────────────────────────────

const f = (n: number) => Number(n.toFixed(1));

type Stop = readonly [offset: number, colour: string, opacity?: number];

class Svg {
  private defs: string[] = [];
  private ids = new Map<string, string>();

  /** Adds a definition once per key and returns its id. */
  private define(key: string, build: (id: string) => string): string {
    let id = this.ids.get(key);
    if (!id) {
      id = `a${this.ids.size.toString(36)}`;
      this.ids.set(key, id);
      this.defs.push(build(id));
    }
    return id;
  }

  private stops(stops: readonly Stop[]): string {
    return stops
      .map(
        ([o, c, a]) =>
          `<stop offset="${o}" stop-color="${c}"${a === undefined ? "" : ` stop-opacity="${a}"`}/>`,
      )
      .join("");
  }

  lin(stops: readonly Stop[], x1 = 0, y1 = 0, x2 = 0, y2 = 1): string {
    const s = this.stops(stops);
    return this.url(`l${x1},${y1},${x2},${y2}${s}`, (id) => {
      const dir = `${x1 ? ` x1="${x1}"` : ""}${y1 ? ` y1="${y1}"` : ""}${x2 === 1 ? "" : ` x2="${x2}"`}${y2 ? ` y2="${y2}"` : ""}`;
      return `<linearGradient id="${id}"${dir}>${s}</linearGradient>`;
    });
  }

  rad(stops: readonly Stop[], cx = 0.5, cy = 0.5, r = 0.5): string {
    const s = this.stops(stops);
    return this.url(`r${cx},${cy},${r}${s}`, (id) => {
      const geo = `${cx === 0.5 ? "" : ` cx="${cx}"`}${cy === 0.5 ? "" : ` cy="${cy}"`}${r === 0.5 ? "" : ` r="${r}"`}`;
      return `<radialGradient id="${id}"${geo}>${s}</radialGradient>`;
    });
  }

  /** A reusable drawing; returns its id for `use`. */
  symbol(key: string, body: string): string {
    return this.define(`s${key}`, (id) => `<g id="${id}">${body}</g>`);
  }

  clip(shape: string): string {
    return this.url(`c${shape}`, (id) => `<clipPath id="${id}">${shape}</clipPath>`);
  }

  private url(key: string, build: (id: string) => string): string {
    return `url(#${this.define(key, build)})`;
  }

  render(width: number, height: number, title: string, body: string): string {
    const defs = this.defs.length ? `<defs>${this.defs.join("")}</defs>` : "";
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t"><title id="t">${escapeXml(title)}</title>${defs}${body}</svg>\n`;
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const rr = (x: number, y: number, w: number, h: number, r: number, attrs: string) =>
  `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" rx="${f(r)}" ${attrs}/>`;
const circle = (cx: number, cy: number, r: number, attrs: string) =>
  `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" ${attrs}/>`;
const use = (id: string, x: number, y: number, k = 1) =>
  `<use href="#${id}" transform="translate(${f(x)} ${f(y)})${k === 1 ? "" : ` scale(${f(k * 1000) / 1000})`}"/>`;
const g = (transform: string, body: string) => `<g transform="${transform}">${body}</g>`;

function shadow(s: Svg, cx: number, cy: number, rx: number, ry: number, opacity = 0.22): string {
  const fill = s.rad([
    [0, "#0f172a", opacity],
    [1, "#0f172a", 0],
  ]);
  return `<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(rx)}" ry="${f(ry)}" fill="${fill}"/>`;
}

/** Soft studio backdrop. */
function backdrop(s: Svg, w: number, h: number, tint?: string): string {
  const fill = s.lin([
    [0, "#ffffff"],
    [1, tint ? mix(tint, "#ffffff", 0.88) : "#eef0f3"],
  ]);
  return `<rect width="${w}" height="${h}" fill="${fill}"/>`;
}

/** A brushed-metal gradient across the width, in the body colour. */
function metal(s: Svg, p: Palette, vertical = false): string {
  return s.lin(
    [
      [0, p.lo],
      [0.12, p.hi2],
      [0.5, p.base],
      [0.88, p.hi],
      [1, p.lo],
    ],
    0,
    0,
    vertical ? 0 : 1,
    vertical ? 1 : 0,
  );
}

function bodyFill(s: Svg, p: Palette): string {
  return s.lin(
    [
      [0, p.hi],
      [0.5, p.base],
      [1, p.lo],
    ],
    0,
    0,
    1,
    1,
  );
}

function wallpaper(s: Svg, p: Palette): string {
  return s.lin(
    [
      [0, p.screen[0]],
      [0.5, p.screen[1]],
      [1, p.screen[2]],
    ],
    0,
    0,
    0.4,
    1,
  );
}

/** The Kite mark: a diamond kite with a short tail. */
function kiteMark(p: Palette, x: number, y: number, size: number, opacity = 0.35): string {
  const k = size / 30;
  return `<g transform="translate(${f(x)} ${f(y)}) scale(${f(k * 10) / 10})" fill="none" stroke="${p.mark}" stroke-opacity="${opacity}" stroke-width="2.4" stroke-linejoin="round"><path d="M0-15 11 0 0 22-11 0Z M-11 0H11M0-15V22"/><path d="M0 22q7 6 0 12t0 12" stroke-linecap="round"/></g>`;
}

/** Camera lens, drawn once per file at r = 40 and reused. */
function lens(s: Svg, cx: number, cy: number, r: number): string {
  const ring = s.lin(
    [
      [0, "#f1f2f4"],
      [0.5, "#80858e"],
      [1, "#d9dce1"],
    ],
    0,
    0,
    1,
    1,
  );
  const glass = s.rad(
    [
      [0, "#2f3a5c"],
      [0.7, "#0b0d14"],
      [1, "#05060a"],
    ],
    0.4,
    0.35,
    0.7,
  );
  const id = s.symbol(
    "lens",
    circle(0, 0, 40, `fill="${ring}"`) +
      circle(0, 0, 33.6, `fill="#07080c"`) +
      circle(0, 0, 26.4, `fill="${glass}"`) +
      circle(0, 0, 12, `fill="#0d1220" stroke="#3d4d80" stroke-width="2"`) +
      circle(-10.4, -11.2, 5.2, `fill="#fff" opacity=".6"`) +
      circle(8.8, 8, 2.4, `fill="#a7b8ff" opacity=".5"`),
  );
  return use(id, cx, cy, r / 40);
}

function flash(cx: number, cy: number, r: number): string {
  return (
    circle(cx, cy, r, `fill="#f5efe0" stroke="#b9b4a8" stroke-width="1.5"`) +
    circle(cx, cy, r * 0.45, `fill="#fffaf0"`)
  );
}

// ─── Phones ──────────────────────────────────────────────────────────────────

const PHONE = { w: 300, h: 620, r: 44 };

function screenContent(
  s: Svg,
  p: Palette,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
  big: boolean,
) {
  const shape = rr(x, y, w, h, r, "");
  const clip = s.clip(shape);
  const cx = x + w / 2;
  const waves = `<path d="M${f(x)} ${f(y + h * 0.58)}C${f(x + w * 0.35)} ${f(y + h * 0.44)} ${f(x + w * 0.6)} ${f(y + h * 0.74)} ${f(x + w)} ${f(y + h * 0.52)}V${f(y + h)}H${f(x)}Z" fill="#fff" opacity=".14"/><path d="M${f(x)} ${f(y + h * 0.74)}C${f(x + w * 0.4)} ${f(y + h * 0.62)} ${f(x + w * 0.7)} ${f(y + h * 0.9)} ${f(x + w)} ${f(y + h * 0.7)}V${f(y + h)}H${f(x)}Z" fill="#fff" opacity=".1"/>`;
  const glare = `<path d="M${f(x)} ${f(y)}H${f(x + w * 0.55)}L${f(x)} ${f(y + h * 0.55)}Z" fill="#fff" opacity=".06"/>`;
  const time = big
    ? `<text x="${f(cx)}" y="${f(y + h * 0.2)}" text-anchor="middle" font-family="sans-serif" font-size="${f(w * 0.22)}" font-weight="300" fill="#fff">10:08</text>${rr(cx - w * 0.2, y + h * 0.235, w * 0.4, 6, 3, `fill="#fff" opacity=".55"`)}`
    : `<text x="${f(x + w * 0.08)}" y="${f(y + h * 0.2)}" font-family="sans-serif" font-size="${f(h * 0.13)}" font-weight="300" fill="#fff">10:08</text>`;
  return `<g clip-path="${clip}">${rr(x, y, w, h, r, `fill="${wallpaper(s, p)}"`)}${waves}${time}${glare}</g>`;
}

/** A front's body centred on the origin (corner x, y) and its screen inset by `bezel` (sx, sy, sw, sh). */
function frontFrame({ w, h, r }: { w: number; h: number; r: number }, bezel: number) {
  const x = -w / 2;
  const y = -h / 2;
  return { w, h, r, x, y, sx: x + bezel, sy: y + bezel, sw: w - 2 * bezel, sh: h - 2 * bezel };
}

function phoneFront(s: Svg, p: Palette): string {
  const { w, h, r, x, y, sx, sy, sw, sh } = frontFrame(PHONE, 12);
  const dock = [-1.5, -0.5, 0.5, 1.5]
    .map((i) => circle(i * 56, sy + sh - 70, 21, `fill="#fff" opacity=".26"`))
    .join("");
  return (
    rr(x, y, w, h, r, `fill="${metal(s, p)}"`) +
    rr(w / 2 - 1, -180, 5, 72, 2.5, `fill="${p.lo}"`) +
    rr(w / 2 - 1, -90, 5, 44, 2.5, `fill="${p.lo}"`) +
    rr(x + 5, y + 5, w - 10, h - 10, r - 5, `fill="#0a0b0f"`) +
    screenContent(s, p, sx, sy, sw, sh, r - 12, true) +
    dock +
    rr(-52, sy + sh - 22, 104, 5, 2.5, `fill="#fff" opacity=".75"`) +
    circle(0, sy + 22, 9, `fill="#040508"`) +
    circle(-2.5, sy + 19.5, 2.5, `fill="#33426b"`)
  );
}

function phoneBack(s: Svg, p: Palette, look: SeedProduct["look"]): string {
  const { w, h, r } = PHONE;
  const x = -w / 2;
  const y = -h / 2;
  const shape = rr(x, y, w, h, r, "");
  const sheen = `<path d="M${x} -40L${-x} -300V-190L${x} 70Z" fill="#fff" opacity="${p.dark ? 0.06 : 0.12}"/>`;
  const moduleFill = s.lin(
    [
      [0, p.dark ? mix(p.base, "#ffffff", 0.12) : p.hi],
      [1, p.lo],
    ],
    0,
    0,
    1,
    1,
  );
  const rim = `stroke="${p.hi2}" stroke-opacity=".7" stroke-width="2.5"`;
  let camera: string;
  if (look === "pro") {
    camera =
      rr(-128, -290, 176, 176, 44, `fill="${moduleFill}" ${rim}`) +
      rr(-120, -282, 160, 160, 38, `fill="#000" opacity=".12"`) +
      lens(s, -82, -244, 34) +
      lens(s, 2, -244, 34) +
      lens(s, -82, -160, 34) +
      flash(2, -172, 10) +
      circle(2, -140, 5, `fill="#1b1d22"`);
  } else if (look === "lite") {
    camera =
      circle(-100, -248, 40, `fill="${moduleFill}" ${rim}`) +
      lens(s, -100, -248, 30) +
      circle(-100, -160, 40, `fill="${moduleFill}" ${rim}`) +
      lens(s, -100, -160, 30) +
      flash(-100, -96, 9);
  } else {
    camera =
      rr(-128, -290, 96, 196, 48, `fill="${moduleFill}" ${rim}`) +
      lens(s, -80, -242, 36) +
      lens(s, -80, -142, 36) +
      flash(-12, -262, 10);
  }
  return (
    rr(x, y, w, h, r, `fill="${metal(s, p)}"`) +
    `<g clip-path="${s.clip(shape)}">${rr(x + 4, y + 4, w - 8, h - 8, r - 4, `fill="${bodyFill(s, p)}"`)}${sheen}</g>` +
    camera +
    kiteMark(p, 0, 190, 34, p.dark ? 0.45 : 0.3)
  );
}

function phoneCameraDetail(s: Svg, p: Palette, look: SeedProduct["look"]): string {
  const [fx, fy] = look === "pro" ? [-40, -202] : look === "lite" ? [-100, -190] : [-80, -192];
  return g(`translate(420 420) rotate(-12) scale(2.5) translate(${-fx} ${-fy})`, phoneBack(s, p, look));
}

// ─── Tablet ──────────────────────────────────────────────────────────────────

const TABLET = { w: 600, h: 400, r: 34 };

function tabletFront(s: Svg, p: Palette): string {
  const { w, h, r, x, y, sx, sy, sw, sh } = frontFrame(TABLET, 20);
  const icons = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]
    .map((i) => rr(i * 46 - 17, sy + sh - 54, 34, 34, 10, `fill="#fff" opacity="${i === -2.5 ? 0.75 : 0.4}"`))
    .join("");
  return (
    rr(x, y, w, h, r, `fill="${metal(s, p, true)}"`) +
    rr(x + 4, y + 4, w - 8, h - 8, r - 4, `fill="#0a0b0f"`) +
    screenContent(s, p, sx, sy, sw, sh, 16, false) +
    rr(sx + sw - 190, sy + 24, 166, 120, 18, `fill="#fff" opacity=".18"`) +
    rr(sx + sw - 170, sy + 48, 90, 10, 5, `fill="#fff" opacity=".6"`) +
    rr(sx + sw - 170, sy + 70, 126, 8, 4, `fill="#fff" opacity=".35"`) +
    rr(sx + sw - 170, sy + 88, 110, 8, 4, `fill="#fff" opacity=".35"`) +
    rr(-152, sy + sh - 64, 304, 54, 18, `fill="#fff" opacity=".2"`) +
    icons +
    circle(0, y + 10, 3.5, `fill="#1d2435"`)
  );
}

function tabletBack(s: Svg, p: Palette): string {
  const { w, h, r } = TABLET;
  const x = -w / 2;
  const y = -h / 2;
  const moduleFill = s.lin([
    [0, p.dark ? mix(p.base, "#ffffff", 0.12) : p.hi],
    [1, p.lo],
  ]);
  return (
    rr(x, y, w, h, r, `fill="${metal(s, p, true)}"`) +
    rr(x + 4, y + 4, w - 8, h - 8, r - 4, `fill="${bodyFill(s, p)}"`) +
    `<path d="M${x + 4} 40L200 ${y + 4}H300L${x + 4} 160Z" fill="#fff" opacity="${p.dark ? 0.05 : 0.1}"/>` +
    rr(
      x + 26,
      y + 26,
      84,
      84,
      26,
      `fill="${moduleFill}" stroke="${p.hi2}" stroke-opacity=".7" stroke-width="2"`,
    ) +
    lens(s, x + 68, y + 68, 26) +
    flash(x + 130, y + 46, 7) +
    kiteMark(p, 0, -6, 40, p.dark ? 0.45 : 0.3) +
    [-14, 0, 14].map((dx) => circle(dx, y + h - 16, 3.5, `fill="${p.lo2}"`)).join("")
  );
}

/** Stacks copies of a shape to fake depth: cheap, and reads well at a glance. */
function extrude(
  shape: (fill: string) => string,
  dx: number,
  dy: number,
  steps: number,
  fill: string,
): string {
  let out = "";
  for (let i = steps; i >= 1; i--)
    out += g(`translate(${f((dx * i) / steps)} ${f((dy * i) / steps)})`, shape(fill));
  return out;
}

function tabletAngle(s: Svg, p: Palette): string {
  const { w, h, r } = TABLET;
  const edge = extrude((fill) => rr(-w / 2, -h / 2, w, h, r, `fill="${fill}"`), 14, 8, 5, p.lo);
  const pen = g(
    "translate(30 270) rotate(-8)",
    rr(-200, -9, 400, 18, 9, `fill="${metal(s, p, true)}"`) +
      `<path d="M-200-9-236 0-200 9Z" fill="${p.lo}"/>` +
      rr(-60, -9, 4, 18, 1, `fill="${p.lo2}" opacity=".5"`),
  );
  return g("matrix(.92 -.1 0 1 0 0)", edge + tabletFront(s, p)) + pen;
}

// ─── Band ────────────────────────────────────────────────────────────────────

function bandStrap(s: Svg, p: Palette): string {
  const strap = s.lin(
    [
      [0, p.lo],
      [0.3, p.base],
      [0.7, p.hi],
      [1, p.lo],
    ],
    0,
    0,
    1,
    0,
  );
  const holes = [0, 1, 2, 3, 4, 5]
    .map((i) => `<ellipse cx="0" cy="${190 + i * 24}" rx="6" ry="4.5" fill="${p.lo2}" opacity=".7"/>`)
    .join("");
  return (
    rr(-52, -350, 104, 700, 50, `fill="${strap}"`) +
    holes +
    rr(-58, 130, 116, 26, 10, `fill="${p.lo}" opacity=".9"`) +
    rr(-58, 130, 116, 8, 4, `fill="#fff" opacity=".15"`)
  );
}

function rings(cx: number, cy: number, r: number, width: number): string {
  return [
    [ACCENT, 0.78],
    ["#34d399", 0.62],
    ["#38bdf8", 0.45],
  ]
    .map(([c, share], i) => {
      const rad = r - i * (width + 3);
      const len = 2 * Math.PI * rad;
      return `<circle cx="${cx}" cy="${cy}" r="${f(rad)}" fill="none" stroke="${c}" stroke-opacity=".25" stroke-width="${width}"/><circle cx="${cx}" cy="${cy}" r="${f(rad)}" fill="none" stroke="${c}" stroke-width="${width}" stroke-linecap="round" stroke-dasharray="${f(len * Number(share))} ${f(len)}" transform="rotate(-90 ${cx} ${cy})"/>`;
    })
    .join("");
}

function bandPod(s: Svg): string {
  const glass = s.lin([
    [0, "#2c3038"],
    [1, "#0b0c0f"],
  ]);
  const rim = s.lin(
    [
      [0, "#8d939c"],
      [0.4, "#f3f4f6"],
      [1, "#6b717a"],
    ],
    0,
    0,
    1,
    1,
  );
  const id = s.symbol(
    "pod",
    rr(-70, -150, 140, 300, 70, `fill="${rim}"`) +
      rr(-65, -145, 130, 290, 65, `fill="${glass}"`) +
      rr(-56, -134, 112, 268, 56, `fill="#020203"`) +
      `<text x="0" y="-46" text-anchor="middle" font-family="sans-serif" font-size="44" font-weight="300" fill="#fff">10:08</text>` +
      `<text x="0" y="-18" text-anchor="middle" font-family="sans-serif" font-size="14" fill="#9ca3af">SUN 01</text>` +
      rings(0, 46, 30, 7) +
      `<path d="M-14 106c0-6 7-9 11-4 4-5 11-2 11 4 0 7-11 13-11 13s-11-6-11-13z" fill="${ACCENT}"/>` +
      `<text x="4" y="117" font-family="sans-serif" font-size="17" fill="#fff">72</text>` +
      `<path d="M-60-120C-30-150 20-150 48-128L-40 60Z" fill="#fff" opacity=".07"/>`,
  );
  return use(id, 0, 0);
}

function bandFront(s: Svg, p: Palette): string {
  return bandStrap(s, p) + bandPod(s);
}

/** The pod seen along the strap: landscape, so its screen reads. */
function bandPodWide(s: Svg): string {
  const rim = s.lin([
    [0, "#f3f4f6"],
    [1, "#6b717a"],
  ]);
  return (
    rr(-118, -50, 236, 100, 50, `fill="${rim}"`) +
    rr(-113, -45, 226, 90, 45, `fill="#101114"`) +
    rr(-104, -37, 208, 74, 37, `fill="#020203"`) +
    `<text x="-30" y="12" text-anchor="middle" font-family="sans-serif" font-size="36" font-weight="300" fill="#fff">10:08</text>` +
    rings(54, 0, 22, 5) +
    `<path d="M-96-22C-60-40 20-42 70-34" stroke="#fff" stroke-opacity=".12" stroke-width="6" fill="none" stroke-linecap="round"/>`
  );
}

/** The band closed into a loop and stood on its side, pod to the front. */
function bandSide(s: Svg, p: Palette): string {
  const rx = 210;
  const ry = 100;
  const h = 40;
  const outer = s.lin(
    [
      [0, p.lo],
      [0.25, p.base],
      [0.55, p.hi],
      [1, p.lo],
    ],
    0,
    0,
    1,
    0,
  );
  const inner = p.dark ? mix(p.base, "#000", 0.4) : p.lo;
  const arc = (sweep: 0 | 1) => `A${rx} ${ry} 0 0 ${sweep} `;
  return (
    `<path d="M${-rx} ${-h}${arc(1)}${rx} ${-h}V${h}${arc(0)}${-rx} ${h}Z" fill="${inner}"/>` +
    `<path d="M${-rx} ${-h}${arc(0)}${rx} ${-h}V${h}${arc(1)}${-rx} ${h}Z" fill="${outer}"/>` +
    `<path d="M${-rx} ${-h}${arc(0)}${rx} ${-h}" fill="none" stroke="#fff" stroke-opacity=".35" stroke-width="3"/>` +
    `<path d="M${-rx} ${-h}${arc(1)}${rx} ${-h}" fill="none" stroke="${p.lo2}" stroke-opacity=".5" stroke-width="2"/>` +
    g(`translate(0 ${ry - 4})`, bandPodWide(s))
  );
}

function bandDetail(s: Svg, p: Palette): string {
  return g("translate(400 410) rotate(-8) scale(1.9)", bandStrap(s, p) + bandPod(s));
}

// ─── Watch ───────────────────────────────────────────────────────────────────

function watchStraps(s: Svg, p: Palette): string {
  const strapColour = p.light ? mix(p.base, "#6b7280", 0.25) : mix(p.base, "#3f3f46", 0.2);
  const strap = s.lin(
    [
      [0, mix(strapColour, "#000", 0.25)],
      [0.5, strapColour],
      [1, mix(strapColour, "#000", 0.25)],
    ],
    0,
    0,
    1,
    0,
  );
  return (
    `<path d="M-100-150L-84-380H84L100-150Z" fill="${strap}"/>` +
    `<path d="M-100 150L-84 380H84L100 150Z" fill="${strap}"/>` +
    [0, 1, 2]
      .map((i) => `<ellipse cx="0" cy="${250 + i * 36}" rx="7" ry="5" fill="#000" opacity=".35"/>`)
      .join("")
  );
}

function watchHead(s: Svg, p: Palette): string {
  const caseFill = s.lin(
    [
      [0, p.hi2],
      [0.45, p.base],
      [1, p.lo2],
    ],
    0,
    0,
    1,
    1,
  );
  const dial = s.rad(
    [
      [0, "#15171c"],
      [1, "#030304"],
    ],
    0.45,
    0.4,
    0.6,
  );
  let ticks = "";
  for (let i = 0; i < 12; i++) {
    const a = (i * Math.PI) / 6;
    const r1 = 122;
    const r2 = i % 3 === 0 ? 102 : 110;
    ticks += `M${f(Math.sin(a) * r1)} ${f(-Math.cos(a) * r1)}L${f(Math.sin(a) * r2)} ${f(-Math.cos(a) * r2)}`;
  }
  const hand = (deg: number, len: number, width: number, colour: string) =>
    rr(-width / 2, -len, width, len + 14, width / 2, `fill="${colour}" transform="rotate(${deg})"`);
  const face = s.symbol(
    "face",
    circle(0, 0, 138, `fill="${dial}"`) +
      `<path d="${ticks}" stroke="#e5e7eb" stroke-width="4" stroke-linecap="round"/>` +
      rings(0, 52, 22, 5) +
      `<text x="0" y="-54" text-anchor="middle" font-family="sans-serif" font-size="16" letter-spacing="2" fill="#9ca3af">SUN 01</text>` +
      hand(304, 64, 10, "#f3f4f6") +
      hand(48, 100, 7, "#f3f4f6") +
      hand(200, 112, 2.5, ACCENT) +
      circle(0, 0, 8, `fill="${ACCENT}"`) +
      circle(0, 0, 3, `fill="#111"`) +
      `<path d="M-150-40A155 155 0 0 1 40-150L30-130A135 135 0 0 0-130-30Z" fill="#fff" opacity=".08"/>`,
  );
  return (
    rr(-96, -176, 192, 40, 14, `fill="${caseFill}"`) +
    rr(-96, 136, 192, 40, 14, `fill="${caseFill}"`) +
    rr(160, -24, 30, 48, 8, `fill="${metal(s, p, true)}"`) +
    rr(150, 56, 22, 30, 6, `fill="${p.lo}" transform="rotate(-24)"`) +
    circle(0, 0, 172, `fill="${caseFill}"`) +
    circle(0, 0, 160, `fill="${p.dark ? "#2b2e33" : p.lo}"`) +
    circle(0, 0, 152, `fill="#0d0e11"`) +
    use(face, 0, 0)
  );
}

function watchFront(s: Svg, p: Palette): string {
  return watchStraps(s, p) + watchHead(s, p);
}

function watchAngle(s: Svg, p: Palette): string {
  return g(
    "rotate(-16) scale(.86 1)",
    watchStraps(s, p) +
      circle(14, 6, 172, `fill="${p.lo2}"`) +
      circle(8, 3, 172, `fill="${p.lo}"`) +
      watchHead(s, p),
  );
}

function watchDetail(s: Svg, p: Palette): string {
  return g("translate(400 400) rotate(-10) scale(1.95)", watchStraps(s, p) + watchHead(s, p));
}

// ─── Earbuds ─────────────────────────────────────────────────────────────────

function bud(s: Svg, p: Palette): string {
  const fill = s.lin(
    [
      [0, p.hi2],
      [0.5, p.base],
      [1, p.lo],
    ],
    0,
    0,
    1,
    1,
  );
  const tip = p.dark ? "#3a3d44" : mix(p.base, "#6b7280", 0.45);
  return (
    rr(-12, 4, 36, 150, 18, `fill="${fill}"`) +
    rr(-6, 136, 24, 12, 6, `fill="#c9ccd1"`) +
    `<ellipse cx="-34" cy="6" rx="26" ry="30" fill="${tip}"/>` +
    `<ellipse cx="-40" cy="6" rx="12" ry="18" fill="#000" opacity=".25"/>` +
    `<ellipse cx="4" cy="0" rx="50" ry="44" fill="${fill}"/>` +
    `<ellipse cx="22" cy="-6" rx="18" ry="14" fill="${p.dark ? "#111" : p.lo}" opacity=".5"/>` +
    `<ellipse cx="-8" cy="-20" rx="18" ry="9" fill="#fff" opacity=".45" transform="rotate(-20 -8 -20)"/>`
  );
}

function budsPair(s: Svg, p: Palette): string {
  return (
    g("translate(-90 -30) rotate(-14)", bud(s, p)) + g("translate(90 -30) scale(-1 1) rotate(-14)", bud(s, p))
  );
}

function caseShell(s: Svg, p: Palette): { fill: string; base: string } {
  const fill = s.lin(
    [
      [0, p.hi2],
      [0.45, p.base],
      [1, p.lo],
    ],
    0,
    0,
    0.6,
    1,
  );
  return { fill, base: "M-160-20H160V10C160 80 100 120 0 120S-160 80-160 10Z" };
}

function budsCaseClosed(s: Svg, p: Palette): string {
  const { fill } = caseShell(s, p);
  return (
    rr(-160, -120, 320, 240, 110, `fill="${fill}"`) +
    `<path d="M-158-18H158" stroke="${p.lo2}" stroke-opacity=".5" stroke-width="3"/>` +
    `<path d="M-120-96C-60-118 40-118 110-96" stroke="#fff" stroke-opacity=".5" stroke-width="8" fill="none" stroke-linecap="round"/>` +
    circle(0, 46, 5, `fill="#34d399"`) +
    circle(0, 46, 11, `fill="#34d399" opacity=".25"`) +
    kiteMark(p, 0, -70, 22, p.dark ? 0.4 : 0.25)
  );
}

function budsCaseOpen(s: Svg, p: Palette): string {
  const { fill, base } = caseShell(s, p);
  const lidInner = p.dark ? "#15171b" : mix(p.base, "#9ca3af", 0.3);
  const cavity = p.dark ? "#0b0c0e" : mix(p.base, "#6b7280", 0.5);
  return (
    `<path d="M-160-10V-120C-160-200-100-250 0-250S160-200 160-120V-10Z" fill="${fill}"/>` +
    `<path d="M-144-24V-118C-144-186-92-230 0-230S144-186 144-118V-24Z" fill="${lidInner}"/>` +
    `<path d="M-120-200C-60-224 60-224 120-200" stroke="#fff" stroke-opacity=".3" stroke-width="6" fill="none" stroke-linecap="round"/>` +
    rr(-150, -40, 300, 40, 20, `fill="${cavity}"`) +
    g("translate(-58 -74) rotate(8) scale(.78)", bud(s, p)) +
    g("translate(58 -74) scale(-.78 .78) rotate(8)", bud(s, p)) +
    `<path d="${base}" fill="${fill}"/>` +
    `<path d="M-156-18H156" stroke="#fff" stroke-opacity=".5" stroke-width="3" stroke-linecap="round"/>` +
    circle(0, 50, 5, `fill="#34d399"`) +
    circle(0, 50, 11, `fill="#34d399" opacity=".25"`)
  );
}

// ─── Power bank ──────────────────────────────────────────────────────────────

const BANK = { w: 280, h: 470, r: 40 };

function bankFront(s: Svg, p: Palette): string {
  const { w, h, r } = BANK;
  const leds = [0, 1, 2, 3]
    .map((i) => circle(-27 + i * 18, 170, 4, i < 3 ? `fill="#5eead4"` : `fill="${p.lo2}"`))
    .join("");
  return (
    rr(-w / 2, -h / 2, w, h, r, `fill="${metal(s, p)}"`) +
    rr(-w / 2 + 6, -h / 2 + 6, w - 12, h - 12, r - 6, `fill="${bodyFill(s, p)}"`) +
    `<path d="M${-w / 2 + 6} -60L${w / 2 - 6} -200V-140L${-w / 2 + 6} 0Z" fill="#fff" opacity="${p.dark ? 0.06 : 0.14}"/>` +
    kiteMark(p, 0, -40, 52, p.dark ? 0.4 : 0.28) +
    leds +
    rr(w / 2 - 2, -70, 5, 44, 2.5, `fill="${p.lo2}"`)
  );
}

function bankAngle(s: Svg, p: Palette): string {
  const { w, h, r } = BANK;
  const side = extrude((fill) => rr(-w / 2, -h / 2, w, h, r, `fill="${fill}"`), 46, -20, 8, p.lo);
  return g(
    "matrix(.9 .12 0 1 -20 0)",
    side + rr(-w / 2 + 2, -h / 2, w, h, r, `fill="${p.lo2}" opacity=".4"`) + bankFront(s, p),
  );
}

function usbC(x: number, y: number): string {
  return rr(x - 30, y - 11, 60, 22, 11, `fill="#0c0d10"`) + rr(x - 20, y - 3, 40, 6, 3, `fill="#6b7280"`);
}

function bankPorts(s: Svg, p: Palette): string {
  const face = s.lin([
    [0, p.hi],
    [1, p.lo],
  ]);
  return (
    rr(-250, -70, 500, 140, 56, `fill="${metal(s, p)}"`) +
    rr(-242, -62, 484, 124, 50, `fill="${face}"`) +
    usbC(-130, 0) +
    usbC(-40, 0) +
    rr(40, -16, 92, 32, 4, `fill="#0c0d10"`) +
    rr(48, -14, 76, 12, 2, `fill="#2563eb"`) +
    circle(180, 0, 6, `fill="#5eead4"`) +
    `<path d="M-220-40H220" stroke="#fff" stroke-opacity=".3" stroke-width="3" stroke-linecap="round"/>`
  );
}

// ─── Router ──────────────────────────────────────────────────────────────────

function antennas(s: Svg, p: Palette): string {
  const fill = s.lin(
    [
      [0, p.lo],
      [0.35, p.hi2],
      [1, p.base],
    ],
    0,
    0,
    1,
    0,
  );
  return [
    [-185, -9],
    [-65, -3],
    [65, 3],
    [185, 9],
  ]
    .map(([x, a]) =>
      g(
        `translate(${x} 0) rotate(${a})`,
        rr(-17, -300, 34, 300, 17, `fill="${fill}"`) + rr(-20, -30, 40, 40, 8, `fill="${p.lo}"`),
      ),
    )
    .join("");
}

function routerBody(s: Svg, p: Palette, back = false): string {
  const top = s.lin([
    [0, p.hi2],
    [1, p.base],
  ]);
  const front = s.lin([
    [0, p.base],
    [1, p.lo],
  ]);
  const vents = [-3, -2, -1, 0, 1, 2, 3]
    .map((i) => rr(i * 44 - 16, 8, 32, 6, 3, `fill="${p.lo2}" opacity=".35"`))
    .join("");
  const details = back
    ? [-1.5, -0.5, 0.5, 1.5]
        .map(
          (i, k) =>
            `<path d="M${i * 64 - 24} 66h48v34h-14v6h-20v-6h-14z" fill="#111317"/>${rr(i * 64 - 20, 70, 40, 5, 1, `fill="${k === 0 ? "#3b82f6" : "#9ca3af"}"`)}`,
        )
        .join("") +
      circle(170, 84, 14, `fill="#111317"`) +
      circle(170, 84, 5, `fill="#6b7280"`) +
      circle(-180, 84, 8, `fill="${p.lo2}"`)
    : [-1, 0, 1]
        .map(
          (i) =>
            circle(i * 26, 92, 5, `fill="#34d399"`) + circle(i * 26, 92, 11, `fill="#34d399" opacity=".2"`),
        )
        .join("") + kiteMark(p, -190, 88, 24, p.dark ? 0.4 : 0.3);
  return (
    rr(-240, -20, 480, 170, 40, `fill="${front}"`) +
    rr(-240, -20, 480, 70, 36, `fill="${top}"`) +
    `<path d="M-214 44H214" stroke="#fff" stroke-opacity="${p.dark ? 0.15 : 0.6}" stroke-width="3" stroke-linecap="round"/>` +
    (back ? "" : vents) +
    details
  );
}

function routerFront(s: Svg, p: Palette): string {
  return antennas(s, p) + routerBody(s, p);
}

function routerAngle(s: Svg, p: Palette): string {
  const depth = extrude((fill) => rr(-240, -20, 480, 170, 40, `fill="${fill}"`), 36, -30, 6, p.lo);
  return g("matrix(.88 -.12 .05 1 0 0)", g("translate(36 -30)", antennas(s, p)) + depth + routerBody(s, p));
}

function routerPorts(s: Svg, p: Palette): string {
  return antennas(s, p) + routerBody(s, p, true);
}

// ─── Smart camera ────────────────────────────────────────────────────────────

function camBase(s: Svg, p: Palette): string {
  const fill = s.lin(
    [
      [0, p.lo],
      [0.3, p.hi2],
      [1, p.lo],
    ],
    0,
    0,
    1,
    0,
  );
  return (
    rr(-40, 80, 80, 60, 10, `fill="${p.lo2}"`) +
    rr(-125, 110, 250, 150, 36, `fill="${fill}"`) +
    `<ellipse cx="0" cy="124" rx="118" ry="16" fill="#fff" opacity=".4"/>` +
    `<path d="M-125 220H125" stroke="${p.lo2}" stroke-opacity=".35" stroke-width="2"/>`
  );
}

function camHeadFill(s: Svg, p: Palette): string {
  return s.rad(
    [
      [0, "#ffffff"],
      [0.35, p.hi2],
      [1, p.lo],
    ],
    0.35,
    0.3,
    0.8,
  );
}

function camFront(s: Svg, p: Palette): string {
  const plate = s.rad(
    [
      [0, "#262a33"],
      [1, "#07080b"],
    ],
    0.4,
    0.35,
    0.7,
  );
  const irs = [0, 1, 2, 3, 4, 5]
    .map((i) =>
      circle(Math.cos((i * Math.PI) / 3) * 72, -40 + Math.sin((i * Math.PI) / 3) * 72, 5, `fill="#2a1a1d"`),
    )
    .join("");
  return (
    camBase(s, p) +
    circle(0, -40, 160, `fill="${camHeadFill(s, p)}"`) +
    circle(0, -40, 112, `fill="${plate}"`) +
    irs +
    lens(s, 0, -40, 46) +
    circle(-30, 40, 5, `fill="#3b82f6"`) +
    circle(30, 40, 4, `fill="#1f232b"`) +
    `<path d="M-86-110A112 112 0 0 1 20-150" stroke="#fff" stroke-opacity=".2" stroke-width="6" fill="none" stroke-linecap="round"/>`
  );
}

function camSide(s: Svg, p: Palette): string {
  return (
    camBase(s, p) +
    circle(0, -40, 160, `fill="${camHeadFill(s, p)}"`) +
    `<ellipse cx="118" cy="-40" rx="38" ry="112" fill="#0b0c10"/>` +
    `<ellipse cx="140" cy="-40" rx="16" ry="44" fill="#1c2233"/>` +
    `<ellipse cx="145" cy="-50" rx="5" ry="12" fill="#fff" opacity=".4"/>` +
    circle(-40, -40, 14, `fill="${p.lo}"`) +
    circle(-40, -40, 6, `fill="${p.lo2}"`)
  );
}

function camBack(s: Svg, p: Palette): string {
  let grille = "";
  for (let row = 0; row < 4; row++) {
    for (let col = 0; col < 7; col++) grille += circle(-54 + col * 18, -70 + row * 18, 4, `fill="${p.lo2}"`);
  }
  return (
    camBase(s, p) +
    circle(0, -40, 160, `fill="${camHeadFill(s, p)}"`) +
    grille +
    rr(-44, 40, 88, 14, 5, `fill="${p.lo2}"`) +
    circle(70, 46, 4, `fill="${p.lo2}"`) +
    kiteMark(p, 0, 180, 26, p.dark ? 0.4 : 0.3)
  );
}

// ─── Views ───────────────────────────────────────────────────────────────────

interface Placement {
  /** Drawing in canonical coordinates around (0, 0). */
  draw: (s: Svg, p: Palette) => string;
  /** Scale for an 800 × 800 canvas, and where the floor shadow sits (canonical y). */
  scale: number;
  floor: number;
  floorWidth: number;
  /** Already placed on the canvas (close-ups): no transform, no shadow. */
  absolute?: boolean;
  rotate?: number;
}

function viewsFor(product: SeedProduct): Record<string, Placement> {
  const look = product.look;
  switch (product.kind) {
    case "phone":
      return {
        front: { draw: phoneFront, scale: 1.1, floor: 316, floorWidth: 160 },
        back: { draw: (s, p) => phoneBack(s, p, look), scale: 1.1, floor: 316, floorWidth: 160 },
        "camera detail": {
          draw: (s, p) => phoneCameraDetail(s, p, look),
          scale: 1,
          floor: 0,
          floorWidth: 0,
          absolute: true,
        },
      };
    case "tablet":
      return {
        front: { draw: tabletFront, scale: 1.1, floor: 220, floorWidth: 320 },
        back: { draw: tabletBack, scale: 1.1, floor: 220, floorWidth: 320 },
        angle: { draw: tabletAngle, scale: 1.05, floor: 290, floorWidth: 320 },
      };
    case "band":
      return {
        front: { draw: bandFront, scale: 0.95, floor: 360, floorWidth: 120, rotate: -10 },
        side: { draw: bandSide, scale: 1.2, floor: 150, floorWidth: 190 },
        "display detail": { draw: bandDetail, scale: 1, floor: 0, floorWidth: 0, absolute: true },
      };
    case "watch":
      return {
        front: { draw: watchFront, scale: 0.92, floor: 390, floorWidth: 160 },
        angle: { draw: watchAngle, scale: 0.92, floor: 390, floorWidth: 170 },
        "dial detail": { draw: watchDetail, scale: 1, floor: 0, floorWidth: 0, absolute: true },
      };
    case "buds":
      return {
        "case open": { draw: budsCaseOpen, scale: 1.2, floor: 128, floorWidth: 190 },
        earbuds: { draw: budsPair, scale: 1.45, floor: 170, floorWidth: 170 },
        "case closed": { draw: budsCaseClosed, scale: 1.25, floor: 128, floorWidth: 190 },
      };
    case "power-bank":
      return {
        front: { draw: bankFront, scale: 1.1, floor: 242, floorWidth: 170 },
        angle: { draw: bankAngle, scale: 1.05, floor: 262, floorWidth: 200 },
        ports: { draw: bankPorts, scale: 1.2, floor: 80, floorWidth: 270 },
      };
    case "router":
      return {
        front: { draw: routerFront, scale: 1.1, floor: 160, floorWidth: 270 },
        angle: { draw: routerAngle, scale: 1.1, floor: 160, floorWidth: 270 },
        ports: { draw: routerPorts, scale: 1.1, floor: 160, floorWidth: 270 },
      };
    case "camera":
      return {
        front: { draw: camFront, scale: 1.2, floor: 262, floorWidth: 150 },
        side: { draw: camSide, scale: 1.2, floor: 262, floorWidth: 150 },
        back: { draw: camBack, scale: 1.2, floor: 262, floorWidth: 150 },
      };
  }
}

function place(s: Svg, p: Palette, v: Placement, cx: number, cy: number, k = 1, rotate = v.rotate): string {
  if (v.absolute) return v.draw(s, p);
  const scale = v.scale * k;
  const rot = rotate ? ` rotate(${rotate})` : "";
  return (
    shadow(s, cx, cy + v.floor * scale, v.floorWidth * scale * 1.15, 16 * scale + 6) +
    g(`translate(${f(cx)} ${f(cy)}) scale(${f(scale * 1000) / 1000})${rot}`, v.draw(s, p))
  );
}

function productSvg(product: SeedProduct, colourHex: string, view: string, title: string): string {
  const v = viewsFor(product)[view];
  if (!v) throw new Error(`${product.slug}: no render for view "${view}"`);
  const s = new Svg();
  const p = palette(colourHex);
  const centreY = 400 - (v.floor * v.scale) / 8;
  return s.render(800, 800, title, backdrop(s, 800, 800) + place(s, p, v, 400, centreY, 0.95));
}

function colourOf(product: SeedProduct, i: number): Palette {
  const colour = product.colours[i % product.colours.length];
  if (!colour) throw new Error(`${product.slug} has no colours`);
  return palette(colour.hex);
}

/** Wide banner: the product on the right, its other colours beside it, copy space on the left. */
/** Wide banner: the product on the right with its other colours, copy space on the left. */
function heroSvg(product: SeedProduct): string {
  const s = new Svg();
  const views = viewsFor(product);
  const view = (i: number) => {
    const v = views[Object.keys(views)[i] ?? ""];
    if (!v) throw new Error(`${product.slug}: no view ${i}`);
    return v;
  };
  const main = colourOf(product, 0);
  const c1 = colourOf(product, 1);
  const c2 = colourOf(product, 2);
  const two = product.colours.length > 1;
  let art: string;
  switch (product.kind) {
    case "phone":
      art =
        place(s, c1, view(1), 935, 330, 0.6, -9) +
        place(s, c2, view(1), 1345, 330, 0.6, 9) +
        place(s, main, view(0), 1140, 320, 0.8);
      break;
    case "buds":
      art =
        place(s, c1, view(2), 900, 360, 0.48) +
        place(s, c2, view(1), 1390, 330, 0.46) +
        place(s, main, view(0), 1145, 330, 0.62);
      break;
    case "band":
    case "watch":
      art = product.colours
        .map((_, i) => place(s, colourOf(product, i), view(0), 930 + i * 210, 320, 0.62))
        .join("");
      break;
    case "tablet":
      art = place(s, c1, view(1), 1290, 270, 0.55, 6) + place(s, main, view(0), 1080, 360, 0.66);
      break;
    default:
      art =
        (two ? place(s, c1, view(product.kind === "router" ? 0 : 1), 1370, 330, 0.55) : "") +
        place(s, main, view(product.kind === "power-bank" ? 1 : 0), 1070, 340, 0.72);
  }
  const bg = s.lin(
    [
      [0, "#ffffff"],
      [0.5, "#fffaf8"],
      [1, "#fff1ec"],
    ],
    0,
    0,
    1,
    0,
  );
  const glow = s.rad([
    [0, main.dark ? "#ffffff" : mix(main.hi2, "#ffffff", 0.3), 0.9],
    [0.6, "#ffe4dc", 0.35],
    [1, "#ffe4dc", 0],
  ]);
  return s.render(
    1600,
    640,
    `${product.name}: ${product.tagline}`,
    `<rect width="1600" height="640" fill="${bg}"/>` +
      `<circle cx="1140" cy="320" r="470" fill="${glow}"/>` +
      `<circle cx="1140" cy="320" r="290" fill="none" stroke="${ACCENT}" stroke-opacity=".14" stroke-width="2"/>` +
      art,
  );
}

function categorySvg(slug: string, name: string): string {
  const s = new Svg();
  const byslug = (productSlug: string) => {
    const product = DEMO_PRODUCTS.find((p) => p.slug === productSlug);
    if (!product) throw new Error(`no product ${productSlug}`);
    return { product, views: viewsFor(product) };
  };
  const at = (productSlug: string, view: string, colour: number, x: number, y: number, k: number) => {
    const { product, views } = byslug(productSlug);
    const v = views[view];
    if (!v) throw new Error(`no view ${view}`);
    return place(s, colourOf(product, colour), v, x, y, k);
  };
  let art: string;
  let tint: string;
  switch (slug) {
    case "phones":
      tint = "#1f4e79";
      art = at("kite-9-pro", "back", 2, 300, 380, 0.9) + at("kite-9", "front", 1, 500, 410, 0.9);
      break;
    case "tablets":
      tint = "#a9bfd6";
      art = at("kite-pad-5", "back", 1, 440, 330, 0.7) + at("kite-pad-5", "front", 0, 360, 470, 0.75);
      break;
    case "wearables":
      tint = "#f08a75";
      art = at("kite-band-4", "front", 2, 270, 390, 0.8) + at("kite-watch-s", "front", 1, 520, 380, 0.8);
      break;
    case "audio":
      tint = "#9cc7ea";
      art = at("kite-buds-2", "case open", 2, 400, 470, 1) + at("kite-buds-2", "earbuds", 1, 400, 300, 0.7);
      break;
    default:
      tint = "#f0553a";
      art =
        at("kite-router-ax3000", "front", 0, 400, 300, 0.75) +
        at("kite-cam-2k", "front", 0, 230, 560, 0.7) +
        at("kite-power-bank-20000", "front", 0, 570, 560, 0.6);
  }
  return s.render(800, 800, `${name}`, backdrop(s, 800, 800, tint) + art);
}

// ─── Write ───────────────────────────────────────────────────────────────────

function write(url: string, svg: string): number {
  const bytes = Buffer.byteLength(svg);
  if (bytes > MAX_BYTES) throw new Error(`${url} is ${bytes} bytes, over the ${MAX_BYTES}-byte budget`);
  const file = path.join(PUBLIC, url);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, svg);
  return bytes;
}

function main(): void {
  for (const dir of ["products", "categories", "hero"]) {
    rmSync(path.join(PUBLIC, "images", dir), { recursive: true, force: true });
  }
  let files = 0;
  let largest = 0;
  for (const product of DEMO_PRODUCTS) {
    for (const image of imagesFor(product)) {
      const hex = product.colours.find((c) => c.name === image.colour)?.hex;
      if (!hex) throw new Error(`${product.slug}: unknown colour ${image.colour}`);
      largest = Math.max(largest, write(image.url, productSvg(product, hex, image.view, image.alt)));
      files++;
    }
    largest = Math.max(largest, write(heroImageUrl(product.slug), heroSvg(product)));
    files++;
  }
  for (const category of DEMO_CATEGORIES) {
    largest = Math.max(
      largest,
      write(categoryImageUrl(category.slug), categorySvg(category.slug, category.name)),
    );
    files++;
  }
  console.log(`Wrote ${files} SVG files under public/images (largest ${(largest / 1024).toFixed(1)} KB).`);
}

main();
