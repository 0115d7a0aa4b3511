// Citation forms through the whole checker (checkDraft, DraftChecker): in-text and braced keys,
// cross-references and handles, link citations by URL, and page locators on paged references.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { checkDraft, DraftChecker, loadReference, referenceMetaFromText, type CheckResult, type Reference } from '../../src/core';

const TUNNEL = `---
key: tunnel-funding
title: Mayor seeks national money for tunnel repairs
url: https://www.maas-courier.example/city/tunnel-funding/
author: Pim de Vries
date: 2025-03-12
outlet: Maas Courier
---
Mayor Ilse Brandt met Transport Minister Omar Haddad in Rotterdam on Wednesday to discuss emergency funding for the Maas tunnel, according to the Maas Courier, citing city officials.

Shop owners warned that a closure would cut their takings.
`;
const tunnel = loadReference(TUNNEL, referenceMetaFromText(TUNNEL, 'refs/tunnel-funding.md'));
const WRONG = 'Brandt met Haddad in Rotterdam on Saturday';

function only(result: CheckResult, needle: string) {
  const vs = result.verdicts.filter((v) => v.claim.text.includes(needle));
  assert.equal(vs.length, 1, `one verdict on “${needle}”: ${result.verdicts.map((v) => v.claim.text).join(' | ')}`);
  return vs[0];
}

/** The draft's one wrong weekday is flagged once, on the weekday, and nothing else goes wrong. */
function flagsSaturdayOnly(draft: string, refs: Reference[] = [tunnel]) {
  const r = checkDraft(draft, refs);
  const v = only(r, 'Saturday');
  assert.equal(v.kind, 'contradicted');
  assert.equal(v.category, 'time');
  assert.equal(draft.slice(v.focus!.start, v.focus!.end), 'Saturday');
  assert.deepEqual(v.claim.cited, ['tunnel-funding']);
  assert.ok(v.claim.explicitlyCited);
  assert.equal(r.verdicts.filter((x) => x.kind === 'contradicted').length, 1);
  assert.deepEqual(r.problems, [], r.problems.map((p) => p.message).join(' | '));
  return { result: r, verdict: v };
}

describe('citeforms: forms through the checker', () => {
  it('reads url, author, date and outlet from a reference file’s front matter', () => {
    assert.equal(tunnel.url, 'https://www.maas-courier.example/city/tunnel-funding/');
    assert.equal(tunnel.author, 'Pim de Vries');
    assert.equal(tunnel.date, '2025-03-12');
    assert.equal(tunnel.outlet, 'Maas Courier');
    const plain = referenceMetaFromText('---\nkey: k\n---\nText.', 'k.md');
    assert.ok(!('url' in plain) && !('author' in plain), 'absent fields stay absent');
  });

  describe('in-text and braced keys (issue 9, case 5)', () => {
    it('cites with an in-text key at the start of a statement, and shows the key in the statement’s text', () => {
      const { verdict } = flagsSaturdayOnly(`As @tunnel-funding reports, ${WRONG}.`);
      assert.equal(verdict.claim.text, `As @tunnel-funding reports, ${WRONG}.`);
    });

    it('cites with an in-text key at the start of the second statement, not the first', () => {
      const text = `Shop owners warned that a closure would cut their takings [@tunnel-funding].\n\n@tunnel-funding [¶1] says that ${WRONG.replace('Brandt', 'Mayor Brandt')}.`;
      const { verdict } = flagsSaturdayOnly(text);
      assert.equal(verdict.claim.citations[0].form, 'in-text');
      assert.ok(verdict.claim.text.startsWith('@tunnel-funding [¶1] says that Mayor Brandt'), verdict.claim.text);
    });

    it('cites with a braced key, while an e-mail address that looks like the key stays an address', () => {
      const text = `${WRONG} [@{tunnel-funding}]. Readers can write to desk@tunnel-funding.org with questions.`;
      const { result } = flagsSaturdayOnly(text);
      assert.ok(result.verdicts.every((v) => !v.claim.text.includes('Readers') || !v.claim.explicitlyCited));
    });

    it('gives a wrong in-text locator a locator fix, as for brackets', () => {
      const text = 'As @tunnel-funding [¶1] notes, shop owners warned that a closure would cut their takings.';
      const v = only(checkDraft(text, [tunnel]), 'shop owners');
      assert.equal(v.kind, 'supported');
      const fix = v.fixes.find((f) => f.kind === 'locator');
      assert.ok(fix, v.fixes.map((f) => f.title).join());
      assert.equal(text.slice(fix.edits[0].start, fix.edits[0].end), '¶1');
      assert.equal(fix.edits[0].newText, '¶2');
    });
  });

  describe('what the checker does not take for a citation', () => {
    it('leaves Quarto cross-references alone (issue 9, case 9)', () => {
      flagsSaturdayOnly(`${WRONG} [@tunnel-funding]. Compare @sec-intro and @fig-map for the route.`);
    });

    it('reads a writer’s @handle as words, not a citation: no problem, and the statement may still get a citation', () => {
      const text = 'Shop owners warned that a closure would cut their takings, @rotterdamshops posted.';
      const r = checkDraft(text, [tunnel]);
      assert.deepEqual(r.problems, []);
      const v = only(r, 'Shop owners');
      assert.equal(v.claim.explicitlyCited, false);
      assert.ok(v.claim.text.includes('@rotterdamshops'), 'the handle is part of the statement');
      assert.equal(v.kind, 'supported');
      assert.ok(v.fixes.some((f) => f.kind === 'insert-citation'));
    });

    it('reports an in-text key that is a near miss of a loaded key, with the escape to use if it is no citation', () => {
      const text = `As @tunnel-fundng reports, ${WRONG}.`;
      const r = checkDraft(text, [tunnel]);
      const [p] = r.problems;
      assert.equal(r.problems.length, 1);
      assert.equal(p.code, 'unknown-key');
      assert.equal(text.slice(p.start, p.end), 'tunnel-fundng');
      assert.equal(p.suggestion, 'tunnel-funding');
      assert.match(p.message, /\\@tunnel-fundng/);
    });

    it('reports an unknown in-text key that carries a locator or braces', () => {
      for (const text of [`As @harbour-notes [p. 2] says, ${WRONG}.`, `As @{harbour notes} says, ${WRONG}.`]) {
        const r = checkDraft(text, [tunnel]);
        assert.deepEqual(r.problems.map((p) => p.code), ['unknown-key'], text);
      }
    });

    it('reports an unknown key in brackets, as before', () => {
      const r = checkDraft(`${WRONG} [@harbour-notes].`, [tunnel]);
      assert.deepEqual(r.problems.map((p) => p.code), ['unknown-key']);
    });
  });

  describe('link citations (issue 10, item 4)', () => {
    it('cites a reference through a link to its URL, however the address is dressed', () => {
      for (const url of ['https://www.maas-courier.example/city/tunnel-funding/', 'http://maas-courier.example/city/tunnel-funding?utm_source=newsletter#top', 'https://MAAS-COURIER.example/city/tunnel-funding?fbclid=xyz']) {
        const text = `Brandt met Haddad [in Rotterdam](${url}) on Saturday.`;
        const { verdict } = flagsSaturdayOnly(text);
        const link = verdict.claim.citations.find((c) => c.form === 'link');
        assert.ok(link, url);
        assert.equal(text.slice(link.items[0].keySpan.start, link.items[0].keySpan.end), url);
        assert.equal(text.slice(link.start, link.end), `[in Rotterdam](${url})`);
      }
    });

    it('cites through a link at the start of a statement', () => {
      flagsSaturdayOnly(`[The Maas Courier](https://maas-courier.example/city/tunnel-funding) says ${WRONG}.`);
    });

    it('does not cite the paragraph under a heading through a link in the heading', () => {
      const r = checkDraft(`# [Tunnel money](https://maas-courier.example/city/tunnel-funding)\n${WRONG}.`, [tunnel]);
      assert.equal(only(r, 'Saturday').claim.explicitlyCited, false);
    });

    it('does not cite through a link to another page of the same site', () => {
      const r = checkDraft(`Brandt met Haddad [in Rotterdam](https://maas-courier.example/city/other-story) on Saturday.`, [tunnel]);
      for (const v of r.verdicts) assert.equal(v.claim.explicitlyCited, false);
    });

    it('offers the usual locator-free verdict: a supported statement cited by link gets no insert-citation fix', () => {
      const text = 'Shop owners warned that a closure would cut their takings, [the Courier](https://maas-courier.example/city/tunnel-funding) reported.';
      const v = only(checkDraft(text, [tunnel]), 'Shop owners');
      assert.equal(v.kind, 'supported');
      assert.ok(v.claim.explicitlyCited);
      assert.ok(!v.fixes.some((f) => f.kind === 'insert-citation'));
    });

    it('names both references when two share the URL, and checks against both', () => {
      const copyText = TUNNEL.replace('key: tunnel-funding', 'key: tunnel-copy');
      const copy = loadReference(copyText, referenceMetaFromText(copyText, 'refs/tunnel-copy.md'));
      const text = `Brandt met Haddad [in Rotterdam](https://maas-courier.example/city/tunnel-funding) on Saturday.`;
      const r = checkDraft(text, [tunnel, copy]);
      const amb = r.problems.filter((p) => p.code === 'ambiguous-link');
      assert.equal(amb.length, 1);
      assert.match(amb[0].message, /“tunnel-funding”/);
      assert.match(amb[0].message, /“tunnel-copy”/);
      assert.equal(text.slice(amb[0].start, amb[0].end), 'https://maas-courier.example/city/tunnel-funding');
      const v = only(r, 'Saturday');
      assert.deepEqual([...v.claim.cited].sort(), ['tunnel-copy', 'tunnel-funding']);
    });

    it('keeps a link citation right after an edit elsewhere in the draft (incremental re-check)', () => {
      const checker = new DraftChecker([tunnel]);
      const before = `Shop owners were worried.\n\nBrandt met Haddad [in Rotterdam](https://maas-courier.example/city/tunnel-funding) on Saturday.`;
      checker.check(before);
      const after = before.replace('were worried', 'were very worried');
      const r = checker.check(after);
      const v = only(r, 'Saturday');
      assert.equal(v.kind, 'contradicted');
      const link = v.claim.citations.find((c) => c.form === 'link')!;
      assert.equal(after.slice(link.start, link.end), '[in Rotterdam](https://maas-courier.example/city/tunnel-funding)');
    });
  });

  describe('page locators on a paged reference', () => {
    const LIBRARY = `---
key: elmsford-library
title: Council approves Elmsford library
---
The county council approved a new library for Elmsford on Monday, council clerk Dana Okafor said.

The library will cost four million dollars and is due to open in 2027.

Construction firm Harlow Builders won the contract after a public tender.

Residents had campaigned for a library since the old one closed in 2015.
`;
    // Pages as a PDF reader would give them: ¶1 and ¶2 on page 1, ¶3 on page 2, ¶4 on page 3.
    const paged = loadReference(LIBRARY, referenceMetaFromText(LIBRARY, 'refs/elmsford-library.pdf'));
    [1, 1, 2, 3].forEach((page, i) => (paged.paragraphs[i].page = page));
    const unpaged = loadReference(LIBRARY, referenceMetaFromText(LIBRARY, 'refs/elmsford-library.md'));
    const STATEMENT = 'Harlow Builders won the contract after a public tender';
    const judged = (locator: string, ref = paged) => {
      const text = `${STATEMENT} [@elmsford-library, ${locator}].`;
      const r = checkDraft(text, [ref]);
      return { text, r, v: only(r, 'Harlow') };
    };

    it('fixes a page that does not hold the evidence to the one that does', () => {
      const { text, v } = judged('p. 1');
      assert.equal(v.kind, 'supported');
      assert.equal(v.evidence[0].paragraph, 3);
      const fix = v.fixes.find((f) => f.kind === 'locator')!;
      assert.ok(fix);
      assert.equal(fix.title, 'Change the locator to p. 2');
      assert.equal(text.slice(fix.edits[0].start, fix.edits[0].end), 'p. 1');
      assert.equal(fix.edits[0].newText, 'p. 2');
    });

    it('accepts the right page, a range that holds it, and the page a paragraph runs onto', () => {
      for (const locator of ['p. 2', 'pp. 1-2', 'pp. 1–3', 'p. 3']) {
        const { v } = judged(locator);
        assert.ok(!v.fixes.some((f) => f.kind === 'locator'), locator);
      }
    });

    it('reports a page past the last one, with the fix', () => {
      const { text, r } = judged('p. 9');
      const p = r.problems.find((x) => x.code === 'locator-out-of-range')!;
      assert.ok(p);
      assert.equal(text.slice(p.start, p.end), 'p. 9');
      assert.match(p.message, /has 3 pages; p\. 9 is past its end/);
      assert.deepEqual(p.fixes.map((f) => f.edits[0].newText), ['p. 2']);
    });

    it('does not check pages against a reference without pages', () => {
      for (const locator of ['p. 1', 'p. 9']) {
        const { v, r } = judged(locator, unpaged);
        assert.deepEqual(r.problems, []);
        assert.ok(!v.fixes.some((f) => f.kind === 'locator'));
      }
    });

    it('accepts a section or chapter locator without checking it', () => {
      for (const locator of ['sec. 7', 'ch. 12']) {
        const { v, r } = judged(locator);
        assert.deepEqual(r.problems, []);
        assert.equal(v.kind, 'supported');
        assert.ok(!v.fixes.some((f) => f.kind === 'locator'));
      }
    });

    it('accepts a paragraph range that holds the evidence', () => {
      const { v } = judged('paras. 2-3');
      assert.ok(!v.fixes.some((f) => f.kind === 'locator'));
      const wrong = judged('paras. 1-2').v;
      assert.deepEqual(wrong.fixes.filter((f) => f.kind === 'locator').map((f) => f.edits[0].newText), ['¶3']);
    });
  });

  it('re-checks incrementally to the same result as a fresh check, with in-text keys, handles and links (property)', () => {
    const start = `As @tunnel-funding reports, ${WRONG}. Shop owners warned, @shopdesk said, that a closure would cut takings.\n\nBrandt met [Haddad](https://maas-courier.example/city/tunnel-funding) in Rotterdam on Friday. Then @tunnel-fundin says shop owners warned.\n\nShop owners warned that a closure would cut their takings [@tunnel-funding, ¶1].`;
    const view = (r: CheckResult) =>
      JSON.stringify({
        v: r.verdicts.map((v) => [v.claim.start, v.claim.end, v.kind, v.claim.cited, v.claim.explicitlyCited, v.claim.citations.map((c) => [c.start, c.end, c.form]), v.fixes.map((f) => f.edits)]),
        p: r.problems.map((p) => [p.start, p.end, p.code]),
      });
    const edit = fc.record({ at: fc.nat(), remove: fc.boolean(), insert: fc.constantFrom('x', 'very ', ' ', 'Z', '@', 'q ') });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const checker = new DraftChecker([tunnel]);
        let text = start;
        checker.check(text);
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = e.remove ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + e.insert + text.slice(at);
          assert.equal(view(checker.check(text)), view(checkDraft(text, [tunnel])), JSON.stringify(text));
        }
      }),
      { numRuns: 15 },
    );
  });
});
