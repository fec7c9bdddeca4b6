import { describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION, analyze, createAnalyzer, type AnalyzerOptions, type TokenFilter } from '../../src/analysis/analyzer.js';
import { synonymFilter } from '../../src/analysis/filters.js';
import { FahrasError } from '../../src/errors.js';

const terms = (text: string, options?: AnalyzerOptions): string[] => analyze(text, options).map((t) => t.term);

describe('analyzer: the chain', () => {
  it('keeps offsets into the original text and counts stopword positions', () => {
    const text = 'وَالكتابُ في المكتبة';
    const tokens = analyze(text);
    expect(tokens.map((t) => [t.term, t.surface, t.position])).toEqual([
      ['كتاب', 'والكتاب', 0],
      ['مكتب', 'المكتبه', 2],
    ]);
    expect(text.slice(tokens[0]!.start, tokens[0]!.end)).toBe('وَالكتابُ');
    expect(text.slice(tokens[1]!.start, tokens[1]!.end)).toBe('المكتبة');
  });

  it('surface is the normalized word with its clitics; term is its stem', () => {
    expect(analyze('وبالمعلمين')[0]).toMatchObject({ surface: 'وبالمعلمين', term: 'معلم' });
  });

  it('queries typed without hamza, with ه for ة, without ال or with و/ب meet the text', () => {
    const doc = new Set(terms('أعلنت وزارة الصحة المصرية عن إجراءات جديدة'));
    for (const q of ['وزاره', 'الصحه', 'مصريه', 'اجراءات', 'بالاجراءات', 'والصحة']) {
      expect(doc.has(terms(q)[0]!), q).toBe(true);
    }
  });

  it('run streams tokens and returns the next position, stopwords counted', () => {
    const a = createAnalyzer();
    const seen: [string, number][] = [];
    const next = a.run('في البيت من الخارج', (term, _s, _b, _e, position) => seen.push([term, position]), 10);
    expect(seen).toEqual([
      ['بيت', 11],
      ['خارج', 13],
    ]);
    expect(next).toBe(14);
    expect(a.run('', () => undefined, 3)).toBe(3);
  });

  it('words made only of marks take no position', () => {
    expect(analyze('كتب َ قلم').map((t) => t.position)).toEqual([0, 1]);
  });

  it('Latin words and numbers are terms too', () => {
    expect(terms('قال CNN إن 3.5% من ١٥٫٥')).toEqual(['قال', 'cnn', '3.5', '15.5']);
  });

  it('a number written with a clitic is found by the number', () => {
    expect(terms('و١٥٫٥ في عام 2020م')).toEqual(['15.5', 'عام', '2020', 'م']);
  });

  it('the same analyzer gives the same tokens with and without its word cache, and across cache clears', () => {
    const text = 'وقالت الوزارة في بيان إن الوزير سيزور الولايات المتحدة والمملكة المتحدة ثم يعود إلى الوزارة';
    const reference = analyze(text);
    expect(createAnalyzer({ cacheSize: 0 }).analyze(text)).toEqual(reference);
    const tiny = createAnalyzer({ cacheSize: 2 });
    for (let i = 0; i < 3; i++) expect(tiny.analyze(text)).toEqual(reference);
  });
});

describe('analyzer: re-entrancy', () => {
  it('a sink or a filter may call the same analyzer again', () => {
    const text = 'قال الوزير إن الوزارة ستعلن القرار غدا بعد اجتماع الحكومة';
    const reference = analyze(text);
    const a = createAnalyzer({ cacheSize: 2 });
    const seen: string[] = [];
    a.run(text, (term) => {
      seen.push(term);
      a.analyze('كتب الطالب درسه في المكتبة');
    });
    expect(seen).toEqual(reference.map((t) => t.term));

    let depth = 0;
    let b: ReturnType<typeof createAnalyzer> | undefined;
    const reentrant: TokenFilter = (term) => {
      if (depth++ < 3) b?.analyze('سيارة جديدة في المعرض');
      return term;
    };
    b = createAnalyzer({ filters: [reentrant], cacheSize: 2 });
    expect(b.analyze(text).map((t) => t.term)).toEqual(reference.map((t) => t.term));
  });
});

describe('analyzer: query-side helpers', () => {
  const a = createAnalyzer();
  it('normalizeWord folds one word', () => {
    expect(a.normalizeWord('المَسْئُولِيَّة')).toBe('المسءوليه');
  });
  it('stemWord stems a normalized word', () => {
    expect(a.stemWord('المسءوليه')).toBe('مسءول');
  });
  it('stripProclitics serves as-you-type prefixes: والكتا reaches كتاب', () => {
    const prefix = a.stripProclitics(a.normalizeWord('والكتا'));
    expect(prefix).toBe('كتا');
    expect(a.stemWord('كتاب').startsWith(prefix)).toBe(true);
  });
  it('isStopword checks a normalized word', () => {
    expect(a.isStopword('وفي')).toBe(true);
    expect(a.isStopword(a.normalizeWord('فإن'))).toBe(true);
    expect(a.isStopword('كتاب')).toBe(false);
  });
  it('with stem: false, stemWord and stripProclitics return the word', () => {
    const plain = createAnalyzer({ stem: false });
    expect(plain.stemWord('والكتاب')).toBe('والكتاب');
    expect(plain.stripProclitics('والكتاب')).toBe('والكتاب');
    expect(plain.analyze('الكتابات')[0]!.term).toBe('الكتابات');
  });
});

describe('analyzer: options', () => {
  it('stopwords: false keeps every word', () => {
    expect(terms('في البيت', { stopwords: false })).toEqual(['في', 'بيت']);
  });

  it('stopwords: a list replaces the set (normalized with the analyzer rules)', () => {
    expect(terms('في البيت الكبير', { stopwords: ['الكبير'] })).toEqual(['في', 'بيت']);
  });

  it('extraStopwords extends the set', () => {
    expect(terms('في البيت الكبير', { extraStopwords: ['البيت'] })).toEqual(['كبير']);
  });

  it('normalize options reach the chain', () => {
    expect(analyze('أحمد', { normalize: { foldAlef: false } })[0]!.surface).toBe('أحمد');
  });

  it('a custom stemmer replaces the built-in one', () => {
    const firstThree = (w: string): string => w.slice(0, 3);
    expect(terms('المعلمون', { stem: firstThree })).toEqual(['الم']);
  });

  it('unknown option names → UNKNOWN_OPTION naming the option, nested ones too', () => {
    expect(() => createAnalyzer({ stemming: true } as unknown as AnalyzerOptions)).toThrowError(
      expect.objectContaining({ code: 'UNKNOWN_OPTION', details: { option: 'stemming' } }),
    );
    expect(() => createAnalyzer({ normalize: { foldAlif: false } } as unknown as AnalyzerOptions)).toThrowError(
      expect.objectContaining({ code: 'UNKNOWN_OPTION', details: { option: 'normalize.foldAlif' } }),
    );
  });

  it('wrong types → INVALID_OPTION', () => {
    const bad: unknown[] = [
      { stem: 'yes' },
      { stopwords: 'في' },
      { stopwords: [1] },
      { extraStopwords: 'x' },
      { filters: [1] },
      { filters: () => 'x' },
      { cacheSize: -1 },
      { cacheSize: 1.5 },
      { normalize: true },
      { normalize: { foldAlef: 1 } },
      { customStemmer: 'no' },
      { analysisVersion: ANALYSIS_VERSION + 1 },
    ];
    for (const options of bad) {
      expect(() => createAnalyzer(options as AnalyzerOptions), JSON.stringify(options)).toThrowError(
        expect.objectContaining({ code: 'INVALID_OPTION' }),
      );
    }
    expect(() => createAnalyzer(null as unknown as AnalyzerOptions)).toThrow(FahrasError);
  });

  it('non-string text → INVALID_INPUT', () => {
    const a = createAnalyzer();
    expect(() => a.analyze(3 as unknown as string)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => a.run(undefined as unknown as string, () => undefined)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => analyze({} as unknown as string)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => a.normalizeWord(1 as unknown as string)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('a custom stemmer that returns a non-string → INVALID_OPTION at analysis time', () => {
    const a = createAnalyzer({ stem: (() => 5) as unknown as (w: string) => string });
    expect(() => a.analyze('كتاب')).toThrowError(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('analyzer: config', () => {
  it('is plain JSON and rebuilds the same analyzer', () => {
    const a = createAnalyzer({ normalize: { foldHamza: false }, extraStopwords: ['قال'], cacheSize: 500 });
    const saved = JSON.parse(JSON.stringify(a.config)) as AnalyzerOptions;
    const b = createAnalyzer(saved);
    expect(b.config).toEqual(a.config);
    const text = 'قال المسؤولون إن المسئول سيقدم استقالته';
    expect(b.analyze(text)).toEqual(a.analyze(text));
    expect(a.config.analysisVersion).toBe(ANALYSIS_VERSION);
    expect(a.config.stopwords).toContain('قال');
    expect(a.config.normalize.foldHamza).toBe(false);
  });

  it('the default config lists the default stopwords, sorted', () => {
    const { config } = createAnalyzer();
    expect(config.stopwords.length).toBeGreaterThan(150);
    expect([...config.stopwords]).toEqual([...config.stopwords].sort());
    expect(config).toMatchObject({ stem: true, customStemmer: false, filterNames: [], cacheSize: 100_000 });
  });

  it('marks a custom stemmer and custom filters, which must be passed again', () => {
    const myStem = (w: string): string => w;
    const upper: TokenFilter = function shout(term) {
      return term + '!';
    };
    const a = createAnalyzer({ stem: myStem, filters: [upper] });
    expect(a.config).toMatchObject({ stem: true, customStemmer: true, filterNames: ['shout'] });
    const saved = JSON.parse(JSON.stringify(a.config)) as AnalyzerOptions;
    expect(() => createAnalyzer(saved)).toThrowError(expect.objectContaining({ code: 'INVALID_OPTION', details: { option: 'stem' } }));
    expect(() => createAnalyzer({ ...saved, stem: myStem })).toThrowError(expect.objectContaining({ code: 'INVALID_OPTION', details: { option: 'filters' } }));
    const b = createAnalyzer({ ...saved, stem: myStem, filters: [upper] });
    expect(b.analyze('كتاب')).toEqual(a.analyze('كتاب'));
  });
});

describe('analyzer: token filters', () => {
  const base = createAnalyzer();
  const toTerm = (w: string): string => base.stemWord(base.normalizeWord(w));

  it('a synonym filter indexes every term of a group at the same position', () => {
    const analyzer = createAnalyzer({ filters: [synonymFilter([['سيارة', 'عربية', 'مركبة']], toTerm)] });
    const tokens = analyzer.analyze('اشترى السيارات');
    expect(tokens.map((t) => [t.term, t.position])).toEqual([
      ['اشتر', 0],
      ['سيار', 1],
      ['عرب', 1],
      ['مركب', 1],
    ]);
    expect(new Set(tokens.slice(1).map((t) => `${t.start}-${t.end}`)).size).toBe(1);
    expect(analyzer.config.filterNames).toEqual(['synonyms']);
  });

  it('a query with a synonym meets the document', () => {
    const analyzer = createAnalyzer({ filters: [synonymFilter([['سيارة', 'مركبة']], toTerm)] });
    const doc = new Set(analyzer.analyze('المركبات الجديدة').map((t) => t.term));
    expect(doc.has(analyzer.analyze('سيارة')[0]!.term)).toBe(true);
  });

  it('a filter returning null drops the word but keeps its position', () => {
    const noDigits: TokenFilter = (term) => (/^\d+$/.test(term) ? null : term);
    const tokens = createAnalyzer({ filters: [noDigits] }).analyze('عام 2024 جديد');
    expect(tokens.map((t) => [t.term, t.position])).toEqual([
      ['عام', 0],
      ['جديد', 2],
    ]);
  });

  it('filters run in order, each on the previous one’s terms', () => {
    const a: TokenFilter = (t) => [t, t + '1'];
    const b: TokenFilter = (t) => t + '2';
    expect(terms('كتاب', { filters: [a, b] })).toEqual(['كتاب2', 'كتاب12']);
  });

  it('a filter is called once per distinct word (results are cached)', () => {
    let calls = 0;
    const counting: TokenFilter = (t) => {
      calls++;
      return t;
    };
    const analyzer = createAnalyzer({ filters: [counting] });
    analyzer.analyze('كتاب كتاب كتاب قلم');
    analyzer.analyze('كتاب قلم');
    expect(calls).toBe(2);
  });
});
