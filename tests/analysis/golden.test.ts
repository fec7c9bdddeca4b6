/**
 * Golden table: the title and first paragraph of the raw seed article
 * ../shared/corpus/raw/000_e315c7bff97e348e.txt, copied to tests/fixtures/analysis/seed-excerpt.txt
 * (source stated in its header). Every row was checked by hand: [as written, surface, term, position].
 * Positions skip the stopwords (ما، بعد، بين، وكل، من، في، على), which keep their place.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyzer.js';

const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'analysis', 'seed-excerpt.txt'), 'utf8');
const [title, paragraph] = fixture.split('\n').filter((l) => l !== '' && !l.startsWith('#'));

type Row = [written: string, surface: string, term: string, position: number];

const TITLE: Row[] = [
  // ما (0) and بعد (1) are stopwords
  ['أستانا', 'استانا', 'استان', 2], // tanween-like final ا goes; نا after ا is not a pronoun
  ['16', '16', '16', 3], // "16.." : the dots are not between digits
  ['محور', 'محور', 'محور', 4],
  ['مباحثات', 'مباحثات', 'مباحث', 5],
  ['هاتفية', 'هاتفيه', 'هاتف', 6],
  // بين (7)
  ['لافروف', 'لافروف', 'لافروف', 8],
  // وكل (9), من (10)
  ['تشاويش', 'تشاويش', 'تشاويش', 11],
  ['أوغلو', 'اوغلو', 'اوغلو', 12],
  ['وبيدرسن', 'وبيدرسن', 'وبيدرسن', 13], // a bare و is never stripped
];

const PARAGRAPH: Row[] = [
  ['بحث', 'بحث', 'بحث', 0],
  ['وزير', 'وزير', 'وزير', 1],
  ['الخارجية', 'الخارجيه', 'خارج', 2],
  ['الروسي', 'الروسي', 'روس', 3],
  ['سيرغي', 'سيرغي', 'سيرغ', 4],
  ['لافروف', 'لافروف', 'لافروف', 5],
  ['ونظيره', 'ونظيره', 'ونظير', 6],
  ['التركي', 'التركي', 'ترك', 7],
  ['مولود', 'مولود', 'مولود', 8],
  ['تشاووش', 'تشاووش', 'تشاووش', 9],
  ['أغلو', 'اغلو', 'اغلو', 10],
  // في (11)
  ['اتصال', 'اتصال', 'اتصال', 12],
  ['هاتفي', 'هاتفي', 'هاتف', 13],
  ['تسوية', 'تسويه', 'تسو', 14],
  ['الأزمة', 'الازمه', 'ازم', 15],
  ['السورية', 'السوريه', 'سور', 16],
  ['بالتركيز', 'بالتركيز', 'تركيز', 17],
  // على (18)
  ['مهمة', 'مهمه', 'مهم', 19],
  ['القضاء', 'القضاء', 'قضاء', 20],
  // على (21)
  ['الإرهاب', 'الارهاب', 'ارهاب', 22],
  // في (23)
  ['محافظة', 'محافظه', 'محافظ', 24],
  ['إدلب', 'ادلب', 'ادلب', 25],
  ['شمال', 'شمال', 'شمال', 26],
  ['سورية', 'سوريه', 'سور', 27],
];

function rows(text: string): Row[] {
  return analyze(text).map((t) => [text.slice(t.start, t.end), t.surface, t.term, t.position]);
}

describe('golden: the raw seed article (title and first paragraph)', () => {
  it('the fixture states its source', () => {
    expect(fixture).toContain('000_e315c7bff97e348e.txt');
    expect(title).toMatch(/^ما بعد أستانا/);
    expect(paragraph).toMatch(/^بحث وزير الخارجية/);
  });

  it('title → terms', () => {
    expect(rows(title!)).toEqual(TITLE);
  });

  it('first paragraph → terms', () => {
    expect(rows(paragraph!)).toEqual(PARAGRAPH);
  });
});
