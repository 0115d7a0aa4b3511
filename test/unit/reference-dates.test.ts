import { strict as assert } from 'node:assert';
import { displayDate, noTextMessage } from '../../src/core';
import { metadataLine, referenceJson } from '../../src/cli/references';
import { metadataSummary } from '../../src/vscode/present/format';
import { metadataMarkdown } from '../../src/vscode/present/hover';

describe('reference dates as a reader reads them', () => {
  it('shows a day, a month or a year as such', () => {
    assert.equal(displayDate('2023-11-07'), '7 November 2023');
    assert.equal(displayDate('2023-11'), 'November 2023');
    assert.equal(displayDate('2023'), '2023');
  });

  it('drops the time of a date-time and keeps the day it was written with', () => {
    assert.equal(displayDate('2022-06-14T09:41:00Z'), '14 June 2022');
    assert.equal(displayDate('2022-06-14T23:50:00-07:00'), '14 June 2022');
    assert.equal(displayDate('2022-06-15T00:10:00+09:00'), '15 June 2022');
    assert.equal(displayDate('2022-06-14T09:41:00.250+0200'), '14 June 2022');
    assert.equal(displayDate('2022-06-14 09:41'), '14 June 2022');
  });

  it('follows the locale asked for, and falls back to British English on a bad tag', () => {
    assert.equal(displayDate('2021-01-30', 'en-US'), 'January 30, 2021');
    assert.equal(displayDate('2021-01', 'de-DE'), 'Januar 2021');
    assert.equal(displayDate('2021-01-30', 'not a locale!'), '30 January 2021');
  });

  it('gives anything else back as written', () => {
    for (const raw of ['Tuesday, 4 May 2021', '2021-02-29', '2021-00', '2021-13-01', '2021-04-31', '2021-04-05/2021-04-09', 'spring 2020', '']) assert.equal(displayDate(raw), raw);
    assert.equal(displayDate('  2020-02-29  '), '29 February 2020');
  });

  const meta = { outlet: 'The Valley Ledger', author: 'Rosa Imrie', date: '2019-10-03T16:05:00+01:00', url: 'https://ledger.example.net/news/river' };

  it('in the hover, the reference picker and the `references` listing', () => {
    assert.match(metadataMarkdown(meta)!, /Rosa Imrie · 3 October 2019 · /);
    assert.equal(metadataSummary(meta), 'The Valley Ledger · Rosa Imrie · 3 October 2019 · https://ledger.example.net/news/river');
    assert.equal(metadataLine(meta), 'The Valley Ledger · Rosa Imrie · 3 October 2019 · https://ledger.example.net/news/river');
    assert.equal(metadataLine({ date: '2019-10' }), 'October 2019');
    assert.equal(metadataSummary({ date: '2019' }), '2019');
  });

  it('in the note on a source without text', () => {
    const msg = noTextMessage({ key: 'river', title: 'River report', outlet: 'The Valley Ledger', date: '2019-10', declaredIn: 'front matter' });
    assert.match(msg, /\(The Valley Ledger, October 2019\)/);
  });

  it('JSON keeps the date as the source gives it', () => {
    assert.equal(referenceJson({ key: 'river', title: 'River', path: '/r.html', ...meta }).date, '2019-10-03T16:05:00+01:00');
  });
});
