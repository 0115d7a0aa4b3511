// Statements not in English get one information-level notice and no verdict; English statements full
// of foreign names are still judged.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDraft, loadReference, problemSeverity, referenceMetaFromText } from '../../src/core';
import { nonEnglishLanguage } from '../../src/core/text/language';
import { run } from '../support/cli';

const refText = readFileSync(join(__dirname, '../fixtures/drafts/canal-meeting.md'), 'utf8');
const ref = loadReference(refText, referenceMetaFromText(refText, 'canal-meeting.md'));

describe('statements in other languages', () => {
  it('a statement confidently not in English gets one information notice, no verdict and no fix', () => {
    const d = 'El ayuntamiento aprobó ayer la reparación del canal durante tres semanas más [@canal-meeting].\n\nVarga met Okafor in Springfield on Thursday [@canal-meeting].\n';
    const r = checkDraft(d, [ref]);
    const notes = r.problems.filter((p) => p.code === 'not-english');
    assert.equal(notes.length, 1);
    assert.match(notes[0].message, /only English statements are judged/);
    assert.deepEqual(notes[0].fixes, []);
    assert.equal(problemSeverity('not-english'), 'information');
    assert.ok(r.verdicts.every((v) => !v.claim.text.startsWith('El ayuntamiento')));
    assert.equal(r.verdicts.filter((v) => v.kind === 'contradicted').length, 1);
  });

  it('notes statements in other scripts, which have too few spaces for word counts, instead of dropping them', () => {
    const d = '運河の修理は三週間延期された [@canal-meeting]。\n\nРемонт канала отложили на три недели [@canal-meeting].\n';
    const r = checkDraft(d, [ref]);
    assert.equal(r.problems.filter((p) => p.code === 'not-english').length, 2, JSON.stringify(r.problems));
    assert.equal(r.verdicts.length, 0);
  });

  it('finds French, German, Italian and Dutch statements of a fair length', () => {
    for (const s of ['Le conseil municipal a voté la fermeture du canal pour trois semaines.', 'Die Stadt hat die Reparatur des alten Kanals bis zum Sommer verschoben.', 'Il consiglio comunale ha approvato i lavori sul canale la settimana scorsa.', 'De gemeente heeft de reparatie van het kanaal uitgesteld tot de zomer.']) {
      assert.ok(nonEnglishLanguage(s), s);
    }
  });

  it('English statements full of foreign names are still English', () => {
    for (const s of [
      'Wojciech Szczęsny greeted Zbigniew Brzeziński in Łódź on Tuesday.',
      'Nnamdi Okonkwo-Adeyemi met Thandiwe Mbeki near Ouagadougou.',
      'Giovanni Lorenzo della Francesca visited São Paulo with João.',
      'Françoise Lefèvre-Dubois spoke to Hiroshi Takahashi in Köln yesterday afternoon.',
      'Nguyen met Kowalczyk and Oyelaran in Szczecin on Monday with Adebayo.',
      'Ilse Varga told Tomas Okafor in Springfield that the canal would reopen.',
      'Short one.',
      // Few function words: the detector alone reads these as other languages.
      'Officials placed sandbags along embankments.',
      'Crews placed pumps along quaysides.',
      // Cross-references and handles are no words to detect a language by.
      'See @fig-map, @tbl-votes, and @sec-intro.',
    ]) {
      assert.equal(nonEnglishLanguage(s), undefined, s);
    }
    const r = checkDraft('Ilse Varga met Tomas Okafor of Transport in Springfield on Thursday [@canal-meeting].\n', [ref]);
    assert.deepEqual(r.problems, []);
    assert.equal(r.verdicts.filter((v) => v.kind === 'contradicted').length, 1);
  });

  it('the command line shows the note as a draft note and counts it as not checked, not as a citation problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factcheck-lang-'));
    try {
      const draft = join(dir, 'd.md');
      writeFileSync(draft, 'El ayuntamiento aprobó ayer la reparación del canal durante tres semanas más [@canal-meeting].\n');
      const r = run('check', draft, '--reference', join(__dirname, '../fixtures/drafts/canal-meeting.md'));
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /ℹ draft \[not-english\]/);
      assert.match(r.out, /1 statement not in English, not checked in 1 file\.$/m);
      assert.doesNotMatch(r.out, /no text to check against/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
