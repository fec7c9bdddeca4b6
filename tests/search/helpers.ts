/** Shared documents for the query-feature tests (hand-written Arabic news snippets). */
import { createIndex } from '../../src/engine.js';
import type { SearchIndex } from '../../src/engine.js';

export interface Doc {
  id: string;
  title: string;
  category: string;
  body: string;
}

export const DOCS: Doc[] = [
  { id: 'k1', title: 'وَالكِتَابُ الجديد في المعرض', category: 'ثقافة', body: 'قرأت بالكتابة عن معرض الكتاب الدولي.' },
  { id: 'k2', title: 'كتابات الشباب', category: 'ثقافة', body: 'نشرت الدار كتابات جديدة لشباب الكتاب.' },
  { id: 'k3', title: 'الكتاب الأبيض للحكومة', category: 'سياسة', body: 'أصدرت الحكومة الكتاب الأبيض حول الإصلاح.' },
  { id: 'e1', title: 'نتائج الانتخابات البلدية', category: 'سياسة', body: 'أعلنت الهيئة نتائج الانتخابات البلدية بعد فرز الأصوات.' },
  { id: 'e2', title: 'حملة انتخابية هادئة', category: 'سياسة', body: 'بدأت الحملة الانتخابية في جو هادئ.' },
  { id: 'w1', title: 'وزير الخارجية يستقبل سفير مصر', category: 'سياسة', body: 'استقبل وزير الخارجية سفير مصر وبحث معه العلاقات.' },
  { id: 'w2', title: 'الخارجية تستدعي السفير', category: 'سياسة', body: 'قالت الخارجية إن الوزير في الخارج وإن السفير غادر.' },
  { id: 'w3', title: 'وزير في الخارجية سابقا', category: 'سياسة', body: 'عمل وزير في الخارجية ثم استقال.' },
  { id: 'r1', title: 'رئيس الحكومة يزور الجنوب', category: 'سياسة', body: 'زار رئيس الحكومة ولايات الجنوب والتقى المسؤولين.' },
  { id: 'r2', title: 'المسؤول عن الملف', category: 'سياسة', body: 'قال المسؤول إن الملف مغلق.' },
  { id: 's1', title: 'الترجي يفوز بالبطولة', category: 'رياضة', body: 'فاز الترجي بالبطولة بعد مباراة صعبة.' },
  { id: 's2', title: 'مباراة ودية للمنتخب', category: 'رياضة', body: 'يلعب المنتخب مباراة ودية استعدادا للبطولة.' },
  { id: 'o1', title: 'ارتفاع أسعار النفط', category: 'اقتصاد', body: 'ارتفعت أسعار النفط والغاز في الأسواق.' },
  { id: 'o2', title: 'أسعار الغاز تنخفض', category: 'اقتصاد', body: 'انخفضت أسعار الغاز هذا الأسبوع.' },
];

/** An index over DOCS: title boost 3, category 2, body 1; everything stored. */
export function docsIndex(docs: Doc[] = DOCS): SearchIndex<Doc, 'title' | 'category' | 'body'> {
  const index = createIndex<Doc, 'title' | 'category' | 'body'>({
    id: 'id',
    fields: { title: { boost: 3 }, category: { boost: 2 }, body: {} },
    store: ['title', 'category', 'body'],
  });
  index.addAll(docs);
  return index;
}

/** Ids of a search's hits. */
export function ids(hits: readonly { id: unknown }[]): string[] {
  return hits.map((h) => String(h.id));
}
