// PDF.js creates a DOMMatrix when its module loads (for drawing, which the reader never does). In a
// browser it is built in; in Node PDF.js borrows it from the optional native package @napi-rs/canvas,
// which the packaged extension and dist/ do not ship. This stand-in is a plain 2-D affine matrix with
// the methods PDF.js calls, installed only where no DOMMatrix exists.

type Init = ArrayLike<number> | undefined;

/** A 2-D affine matrix [a b c d e f], as DOMMatrix's 2-D part. */
export class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: Init) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6);
  }
  get is2D(): boolean {
    return true;
  }
  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }
  private set6(a: number, b: number, c: number, d: number, e: number, f: number): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }
  /** this = this × m */
  multiplySelf(m: AffineMatrix): this {
    const { a, b, c, d, e, f } = this;
    return this.set6(a * m.a + c * m.b, b * m.a + d * m.b, a * m.c + c * m.d, b * m.c + d * m.d, a * m.e + c * m.f + e, b * m.e + d * m.f + f);
  }
  /** this = m × this */
  preMultiplySelf(m: AffineMatrix): this {
    const copy = new AffineMatrix([m.a, m.b, m.c, m.d, m.e, m.f]).multiplySelf(this);
    return this.set6(copy.a, copy.b, copy.c, copy.d, copy.e, copy.f);
  }
  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf(new AffineMatrix([1, 0, 0, 1, x, y]));
  }
  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf(new AffineMatrix([sx, 0, 0, sy, 0, 0]));
  }
  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (!det) return this.set6(NaN, NaN, NaN, NaN, NaN, NaN);
    return this.set6(d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det);
  }
  multiply(m: AffineMatrix): AffineMatrix {
    return this.copy().multiplySelf(m);
  }
  translate(x?: number, y?: number): AffineMatrix {
    return this.copy().translateSelf(x, y);
  }
  scale(sx?: number, sy?: number): AffineMatrix {
    return this.copy().scaleSelf(sx, sy);
  }
  inverse(): AffineMatrix {
    return this.copy().invertSelf();
  }
  private copy(): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]);
  }
}

/** Installs the stand-in as globalThis.DOMMatrix when the platform has none. */
export function ensureDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  g.DOMMatrix ??= AffineMatrix;
}
