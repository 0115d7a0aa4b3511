// Scenario files, as markdownlint keeps test/MD0xx.md: a reference, then `<!-- statements -->` and one
// statement a line with the verdict an editor expects (`- statement — verdict[: category]`).
// `test/fixtures/checks/<id>.md` holds fresh examples for one check; `test/fixtures/cases/` holds the
// cases of the issues. A line ending in `(known gap)` is a case the judge does not get right yet: it
// is listed as pending, so the gap stays visible without failing the build.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgeStatement, loadReference, type Verdict } from '../../src/core';

interface Scenario {
  statement: string;
  verdict: Verdict['kind'];
  category?: string;
  gap: boolean;
  line: number;
}

/** The reference text and the statements of a scenario file. */
export function readScenario(text: string): { reference: string; scenarios: Scenario[] } {
  const at = text.search(/^<!-- statements\b.*-->$/m);
  if (at < 0) throw new Error('no <!-- statements --> line');
  const before = text.slice(0, at);
  const lines = text.slice(at).split('\n');
  const firstLine = before.split('\n').length;
  const scenarios: Scenario[] = [];
  lines.forEach((l, k) => {
    const m = /^- (.+?) — (supported|contradicted|unsupported)(?:: ([a-z-]+))?(\s+\(known gap\))?\s*$/.exec(l);
    if (m) scenarios.push({ statement: m[1], verdict: m[2] as Scenario['verdict'], category: m[3], gap: !!m[4], line: firstLine + k });
    else if (l.startsWith('- ')) throw new Error(`line ${firstLine + k}: cannot read "${l}"`);
  });
  return { reference: before, scenarios };
}

const root = join(__dirname, '../fixtures');
const files = ['checks', 'cases'].flatMap((dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.md')).map((f) => join(dir, f)));

describe('scenario files (a reference and statements with the verdict an editor expects)', () => {
  it('are found', () => assert.ok(files.length >= 2));
  for (const file of files) {
    describe(file, () => {
      const { reference, scenarios } = readScenario(readFileSync(join(root, file), 'utf8'));
      const ref = loadReference(reference, { key: 'source', title: file, path: file });
      it('has statements', () => assert.ok(scenarios.length > 0));
      for (const s of scenarios) {
        const title = `${s.statement} — ${s.verdict}${s.category ? `: ${s.category}` : ''}`;
        if (s.gap) {
          it.skip(`${title} (known gap, line ${s.line})`);
          continue;
        }
        it(title, () => {
          const v = judgeStatement(s.statement, [ref]);
          const got = `${v.kind}: ${v.category} (${v.message})`;
          assert.equal(v.kind, s.verdict, `line ${s.line}: judged ${got}`);
          if (s.category) assert.equal(v.category, s.category, `line ${s.line}: judged ${got}`);
        });
      }
    });
  }
});
