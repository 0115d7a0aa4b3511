// `npm run bench`: speed and memory of the engine on this machine. Timings live here, never in tests.
import { builtinReferences } from '../builtin';
import { checkDraft, DraftChecker, loadReference, type Reference } from '../core';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const time = (f: () => void): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const runs = (n: number, f: () => void) => median(Array.from({ length: n }, () => time(f)));
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

/** A draft of about `words` words built from the reference's own sentences, lightly reworded, each cited. */
export function syntheticDraft(ref: Reference, words: number, seed = 1): string {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: string[] = ['# Draft', ''];
  let count = 0;
  let para: string[] = [];
  while (count < words) {
    const s = ref.sentences[Math.floor(rand() * ref.sentences.length)];
    let text = s.text.replace(/[.!?]$/, '');
    const ws = text.split(' ');
    if (rand() < 0.3 && ws.length > 8) ws.splice(Math.floor(rand() * ws.length), 1);
    text = ws.join(' ');
    para.push(`${text} [@${ref.key}, ¶${s.paragraph}].`);
    count += ws.length;
    if (para.length >= 4) {
      out.push(para.join(' '), '');
      para = [];
    }
  }
  if (para.length) out.push(para.join(' '));
  return out.join('\n');
}

function main(): void {
  const [builtin] = builtinReferences();
  const refText = builtin.text;
  const meta = { key: builtin.key, title: builtin.title, path: builtin.path, credit: builtin.credit };
  console.log(`node ${process.version}, ${require('node:os').cpus().length} cores\n`);

  console.log(`load the built-in reference (${refText.length} chars): median ${fmt(runs(30, () => loadReference(refText, meta)))}`);

  const draft = syntheticDraft(builtin, 10_000);
  const words = draft.split(/\s+/).length;
  const cold = median(Array.from({ length: 5 }, () => time(() => checkDraft(draft, [loadReference(refText, meta)]))));
  const checker = new DraftChecker([builtin]);
  checker.check(draft);
  const warm = runs(10, () => checker.check(draft));
  console.log(`judge a ${words}-word draft: cold median ${fmt(cold)}, warm median ${fmt(warm)} (target < 100 ms warm)`);

  // One-sentence edit in the middle: only the edited block is judged again.
  const mid = draft.indexOf('. ', Math.floor(draft.length / 2)) + 2;
  let flip = false;
  const edit = runs(20, () => {
    flip = !flip;
    const edited = draft.slice(0, mid) + (flip ? 'Officials said talks continued. ' : 'Officials said talks went on. ') + draft.slice(mid);
    checker.check(edited);
  });
  console.log(`re-judge after a one-sentence edit (whole ${words}-word draft re-read, one block judged): median ${fmt(edit)} (target < 5 ms)`);

  console.log('\nsize curve (cold, one run each):');
  for (const k of [1, 2, 4, 8]) {
    const d = syntheticDraft(builtin, 10_000 * k);
    const ms = time(() => checkDraft(d, [builtin]));
    console.log(`  ${String(k).padStart(2)}x  ${(d.length / 1024).toFixed(0).padStart(6)} KB  ${fmt(ms).padStart(10)}  ${(ms / k).toFixed(1)} ms per 10k words`);
  }

  const big = syntheticDraft(builtin, 900_000);
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const bigMs = time(() => checkDraft(big, [builtin]));
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(timer);
  console.log(`\n${(big.length / 1048576).toFixed(1)} MB draft: ${fmt(bigMs)}, peak RSS ${(peak / 1048576).toFixed(0)} MB (from ${(before / 1048576).toFixed(0)} MB)`);

  const bigRef = Array.from({ length: Math.ceil(1_048_576 / refText.length) }, () => refText.replace(/Sources By Agencies\s*$/, '')).join('\n');
  const loadBig = time(() => loadReference(bigRef, { ...meta, key: 'big' }));
  const bigRefObj = loadReference(bigRef, { ...meta, key: 'big' });
  const small = syntheticDraft(builtin, 2_000);
  const judgeBig = time(() => checkDraft(small.split(builtin.key).join('big'), [bigRefObj]));
  console.log(`${(bigRef.length / 1048576).toFixed(1)} MB reference: load ${fmt(loadBig)}, judge a 2,000-word draft against it ${fmt(judgeBig)}`);

  const many = time(() => {
    const refs = Array.from({ length: 200 }, (_, i) => loadReference(refText, { ...meta, key: `ref${i}` }));
    checkDraft(small, refs);
  });
  console.log(`200 references: load all and judge a 2,000-word draft ${fmt(many)}`);
}

if (require.main === module) main();
