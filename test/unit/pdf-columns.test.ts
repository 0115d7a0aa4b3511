// Two-column PDF pages drawn row by row (each baseline's left and right pieces one after the other):
// read left column, then right; a table of short cells stays row by row; a header drawn last is dropped.
import { strict as assert } from 'node:assert';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { loadReference, readReferenceSource } from '../../src/core';

async function rowsPdf(rows: [string, string][], rightX: number, header?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  let y = 690;
  for (const [l, r] of rows) {
    if (l) page.drawText(l, { x: 54, y, size: 11, font });
    if (r) page.drawText(r, { x: rightX, y, size: 11, font });
    y -= 14;
  }
  if (header) page.drawText(header, { x: 54, y: 755, size: 9, font });
  return doc.save();
}

const paragraphs = async (bytes: Uint8Array) => {
  const s = await readReferenceSource(bytes, 'bulletin.pdf');
  return loadReference(s.text, s.meta, s.pages).paragraphs.map((p) => p.text.replace(/\s+/g, ' '));
};

describe('PDF pages in two columns drawn row by row', function () {
  this.timeout(60_000);

  it('reads the left column, then the right, and drops a smaller header drawn after them', async () => {
    const bytes = await rowsPdf(
      [
        ['The county library reopened its river', 'Volunteers shelved nine thousand books'],
        ['branch on Saturday, two years after the', 'over three weekends, the branch manager'],
        ['spring flood filled its basement with', 'said, and the reading room now has a'],
        ['mud and ruined the local history room.', 'view of the restored riverside path.'],
      ],
      320,
      'COUNTY LIBRARY BULLETIN',
    );
    assert.deepEqual(await paragraphs(bytes), [
      'The county library reopened its river branch on Saturday, two years after the spring flood filled its basement with mud and ruined the local history room.',
      'Volunteers shelved nine thousand books over three weekends, the branch manager said, and the reading room now has a view of the restored riverside path.',
    ]);
  });

  it('keeps a table of short cells row by row', async () => {
    const bytes = await rowsPdf(
      [
        ['Opening hours at the river branch on weekdays and weekends are listed below.', ''],
        ['Monday', '9 to 5'],
        ['Tuesday', '9 to 8'],
        ['Saturday', '10 to 4'],
      ],
      320,
    );
    const text = (await paragraphs(bytes)).join(' ');
    assert.match(text, /Monday 9 to 5 Tuesday 9 to 8 Saturday 10 to 4/);
  });
});
