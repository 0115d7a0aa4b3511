// PDF paragraphs rebuilt from line positions on short pages: the line spacing is the document's, so a
// page of two lines and a blank keeps its paragraph breaks; a paragraph cut by a page break goes on,
// a page that opens a fresh paragraph starts one; hyphenated words are joined and running lines dropped.
import { strict as assert } from 'node:assert';
import { loadReference, readReferenceSource } from '../../src/core';
import { linesPdf, type LinesOptions } from '../support/pdfs';

async function paragraphs(pages: string[][], o: LinesOptions = {}): Promise<[string, number | undefined][]> {
  const s = await readReferenceSource(await linesPdf(pages, { header: 'Harbour Trust — Annual Notes', ...o }), 'notes.pdf');
  return loadReference(s.text, s.meta, s.pages).paragraphs.map((p) => [p.text, p.page]);
}

describe('PDF paragraphs on short pages', function () {
  this.timeout(60_000);

  it('keeps every paragraph of a short page, a paragraph carried over a page break joined', async () => {
    const got = await paragraphs([
      ['The lighthouse keeper logged three storms in Feb-', 'ruary and a fourth, milder one at the start', 'of March.', '', 'Repairs to the lantern room began in April', 'after the glaziers'],
      ['had measured every pane, the keeper wrote in', 'his report.', '', 'The fog signal failed twice.', '', 'A new bell arrived in June.', '', 'Visitors returned in July.'],
    ]);
    assert.deepEqual(got, [
      ['The lighthouse keeper logged three storms in February and a fourth, milder one at the start of March.', 1],
      ['Repairs to the lantern room began in April after the glaziers had measured every pane, the keeper wrote in his report.', 1],
      ['The fog signal failed twice.', 2],
      ['A new bell arrived in June.', 2],
      ['Visitors returned in July.', 2],
    ]);
  });

  it('starts a fresh paragraph on a page that opens with one', async () => {
    const got = await paragraphs([
      ['The ferry timetable changed on the first of Octo-', 'ber, with two extra crossings on weekdays.', '', 'Fares stayed the same for season ticket', 'holders.'],
      ['The harbour master retired in November.', '', 'Her deputy took over.'],
    ]);
    assert.deepEqual(got, [
      ['The ferry timetable changed on the first of October, with two extra crossings on weekdays.', 1],
      ['Fares stayed the same for season ticket holders.', 1],
      ['The harbour master retired in November.', 2],
      ['Her deputy took over.', 2],
    ]);
  });

  it('breaks between one-line paragraphs when no page has two lines of one paragraph', async () => {
    const got = await paragraphs([
      ['Dredging finished early.', '', 'The pier reopened.'],
      ['Gulls nested on the roof.', '', 'Nobody complained.'],
    ]);
    assert.deepEqual(got, [
      ['Dredging finished early.', 1],
      ['The pier reopened.', 1],
      ['Gulls nested on the roof.', 2],
      ['Nobody complained.', 2],
    ]);
  });

  it('breaks at a paragraph space smaller than a blank line', async () => {
    const got = await paragraphs(
      [
        ['Tug crews trained on the new winches through', 'the whole of the spring season.', '', 'Two of the older tugs were sold to a yard', 'up the coast.'],
        ['The slipway was', 'resurfaced.', '', 'Its ramp was widened', 'by a metre.'],
      ],
      { fontSize: 11, lead: 13.2, gap: 6 },
    );
    assert.deepEqual(got, [
      ['Tug crews trained on the new winches through the whole of the spring season.', 1],
      ['Two of the older tugs were sold to a yard up the coast.', 1],
      ['The slipway was resurfaced.', 2],
      ['Its ramp was widened by a metre.', 2],
    ]);
  });
});
