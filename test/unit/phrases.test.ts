import { strict as assert } from 'node:assert';
import { judgeStatement, loadReference } from '../../src/core';

// Messages quote whole phrases of the source (issue 11, "What to build" 6), never a fragment that
// stops on a function word.
describe('messages quote whole phrases of the source', () => {
  const ref = loadReference(
    'The ferry operator did not cancel any crossings during the storm, a spokesperson said. The harbour board may extend the pier next spring. Divers have searched the wreck for weeks.',
    { key: 'f', title: 'F', path: 'f.md' },
  );
  const quoted = (message: string) => [...message.matchAll(/“([^”]+)”/g)].map((m) => m[1]);
  const endsOnFunctionWord = (q: string) => /\b(?:for|the|a|an|of|to|in|on|at|by|with|from|during|whether|that)$/.test(q);

  for (const statement of [
    'The ferry operator cancelled crossings during the storm.',
    'The harbour board has extended the pier.',
    'Divers have searched the wreck for months.',
  ]) {
    it(statement, () => {
      const v = judgeStatement(statement, [ref]);
      const quotes = quoted(v.message);
      assert.ok(quotes.length > 0, v.message);
      for (const q of quotes) {
        assert.ok(!endsOnFunctionWord(q), `fragment “${q}” in: ${v.message}`);
        assert.ok(q.split(/\s+/).length >= 2, `single word “${q}” in: ${v.message}`);
      }
    });
  }
});
