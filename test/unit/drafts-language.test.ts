// Statements not in English get one information-level notice and no verdict; English statements full
// of foreign names are still judged.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraft, loadReference, problemSeverity, referenceMetaFromText } from '../../src/core';
import { nonEnglishLanguage } from '../../src/core/text/language';

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
    ]) {
      assert.equal(nonEnglishLanguage(s), undefined, s);
    }
    const r = checkDraft('Ilse Varga met Tomas Okafor of Transport in Springfield on Thursday [@canal-meeting].\n', [ref]);
    assert.deepEqual(r.problems, []);
    assert.equal(r.verdicts.filter((v) => v.kind === 'contradicted').length, 1);
  });
});
