import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtinReferences } from '../../src/builtin';
import { judgeStatement, loadReference, referenceMetaFromText } from '../../src/core';

const root = join(__dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'references');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

describe('generality: nothing about the built-in article is in the code', () => {
  it('src/ names none of the people, places or things the built-in reference mentions', () => {
    const [ref] = builtinReferences();
    // Words of the built-in article's names, as the engine itself extracts them.
    const names = new Set<string>();
    for (const e of ref.entities) for (const form of [e.name, ...e.aliases]) for (const w of form.split(/[\s,]+/)) if (/^[A-Z][a-z]{3,}/.test(w) && !/^(?:British|President|Prime|Minister|Secretary|Foreign|State|United|States|York|Times|West|Washington|Russian|Ukrainian)$/.test(w)) names.add(w);
    assert.ok(names.size >= 8, `expected the extractor to find the article's names, found ${[...names].join(', ')}`);
    const offenders: string[] = [];
    for (const f of files(join(root, 'src'))) {
      if (!/\.ts$/.test(f)) continue;
      const text = readFileSync(f, 'utf8');
      for (const n of names) if (new RegExp(`\\b${n}s?\\b`, "i").test(text)) offenders.push(`${f}: ${n}`);
    }
    assert.deepEqual(offenders, []);
  });
});

describe('generality: a second reference on another topic is judged as well', () => {
  const refs = existsSync(fixtures) ? [...files(fixtures)].filter((f) => f.endsWith('.md')) : [];
  it('has at least one second reference with labelled statements', () => {
    assert.ok(refs.some((f) => existsSync(f.replace(/\.md$/, '.claims.jsonl'))), `no labelled reference in ${fixtures}`);
  });
  for (const path of refs) {
    const claimsPath = path.replace(/\.md$/, '.claims.jsonl');
    if (!existsSync(claimsPath)) continue;
    it(`judges the statements about ${path.split('/').pop()} with accepted labels`, () => {
      const text = readFileSync(path, 'utf8');
      const ref = loadReference(text, referenceMetaFromText(text, path));
      const rows = readFileSync(claimsPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; claim: string; labels: string[] });
      let ok = 0;
      const falseAlarms: string[] = [];
      const misses: string[] = [];
      for (const row of rows) {
        const v = judgeStatement(row.claim, [ref]);
        if (row.labels.includes(v.kind)) ok++;
        else misses.push(`${row.id} ${row.labels[0]} → ${v.kind}: ${row.claim}`);
        if (row.labels.length === 1 && row.labels[0] === 'supported' && v.kind === 'contradicted') falseAlarms.push(row.id);
      }
      console.log(`      ${ok}/${rows.length} accepted on ${path.split('/').pop()}${misses.length ? `\n        ${misses.join('\n        ')}` : ''}`);
      assert.deepEqual(falseAlarms, [], 'a supported statement was judged contradicted');
      assert.ok(ok / rows.length >= 0.8, `only ${ok}/${rows.length} judged with an accepted label`);
    });
  }
});
