/** Shared test documents and helpers for the engine tests. */
import { createIndex } from '../../src/engine.js';
import type { SearchIndex } from '../../src/engine.js';

export interface Article {
  id: string;
  title: string;
  category: string;
  body: string;
}

/** A small hand-written set of Arabic news snippets (written for these tests). */
export const ARTICLES: Article[] = [
  { id: 'a1', title: 'نتائج الانتخابات البلدية في تونس', category: 'سياسة', body: 'أعلنت الهيئة المستقلة نتائج الانتخابات البلدية بعد فرز الأصوات في كل الدوائر.' },
  { id: 'a2', title: 'حملة انتخابية هادئة', category: 'سياسة', body: 'بدأ المرشحون حملتهم في جو هادئ وقدم كل مرشح برنامجه الانتخابي للناخبين.' },
  { id: 'a3', title: 'وزير الخارجية يستقبل سفير مصر', category: 'سياسة', body: 'استقبل وزير الخارجية اليوم سفير مصر وبحث معه العلاقات الثنائية.' },
  { id: 'a4', title: 'الترجي يفوز بالبطولة', category: 'رياضة', body: 'فاز فريق الترجي بالبطولة بعد مباراة صعبة أمام النادي الإفريقي في الملعب الأولمبي.' },
  { id: 'a5', title: 'ارتفاع أسعار النفط', category: 'اقتصاد', body: 'ارتفعت أسعار النفط في الأسواق العالمية وسط مخاوف من نقص الإمدادات.' },
  { id: 'a6', title: 'افتتاح معرض الكتاب', category: 'ثقافة', body: 'افتتح وزير الثقافة معرض الكتاب الدولي بمشاركة مئات دور النشر والكتّاب.' },
  { id: 'a7', title: 'المدارس تفتح أبوابها', category: 'مجتمع', body: 'عاد التلاميذ إلى المدارس مع بداية السنة الدراسية الجديدة في كل الولايات.' },
  { id: 'a8', title: 'مباراة ودية للمنتخب', category: 'رياضة', body: 'يلعب المنتخب الوطني مباراة ودية استعدادا للبطولة الإفريقية المقبلة.' },
];

/** An index over ARTICLES with the article preset and title/category stored. */
export function articleIndex(docs: Article[] = ARTICLES): SearchIndex<Article, 'title' | 'category'> {
  const index = createIndex<Article, 'title' | 'category'>({
    id: 'id',
    fields: { title: { boost: 3 }, category: { boost: 2 }, body: {} },
    store: ['title', 'category'],
  });
  index.addAll(docs);
  return index;
}

/** Ids of the results of a search. */
export function ids(results: readonly { id: unknown }[]): unknown[] {
  return results.map((r) => r.id);
}

/** Run `fn`, expecting a FahrasError with `code`; returns the error. */
export function expectCode(fn: () => unknown, code: string): Error & { code: string; details: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    const err = e as Error & { code: string; details: Record<string, unknown> };
    if (err.name !== 'FahrasError' || err.code !== code) throw new Error(`expected FahrasError ${code}, got ${err.name} ${err.code}: ${err.message}`);
    return err;
  }
  throw new Error(`expected FahrasError ${code}, nothing was thrown`);
}
