/**
 * Compare fahras's light stemmer with the Snowball Arabic stemmer on the same vocabulary:
 * ../shared/testdata/snowball-arabic/voc.ant.txt (108,371 distinct words of the ANT corpus) and
 * output.ant.snowball-2.2.0.txt (Snowball 2.2.0's stem for each line). See that folder's README
 * for provenance; the words come from the ANT corpus (Chouigui, Ben Khiroun, Elayeb, AICCSA
 * 2017; https://antcorpus.github.io).
 *
 * What it measures: each stemmer groups words by stem. Over all pairs of words:
 * - together in both / apart in both / together only in fahras / together only in Snowball;
 * - precision and recall of fahras's grouping taking Snowball's as the reference (matching
 *   Snowball is NOT the goal: a low "together only in Snowball" count is mostly Snowball's
 *   aggressive stripping of و and ب/ل/ك, which we decline on purpose);
 * - words "conflated alike": whose group of words (same stem) is the same set in both;
 * - the top disagreement patterns: which affix one stemmer strips and the other keeps, with
 *   examples, weighted by the number of word pairs they split or join.
 *
 * Usage: `tsx bench/stemmer-compare.ts [--json] [--examples N]`. Exits non-zero if the files are
 * missing or misaligned.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../tools/corpus.js';
import { lightStem, normalizeWord } from '../src/index.js';

const dir = join(repoRoot, '..', 'shared', 'testdata', 'snowball-arabic');
const vocPath = join(dir, 'voc.ant.txt');
const outPath = join(dir, 'output.ant.snowball-2.2.0.txt');
const json = process.argv.includes('--json');
const exIdx = process.argv.indexOf('--examples');
const nExamples = exIdx >= 0 ? Number(process.argv[exIdx + 1]) : 4;

if (!existsSync(vocPath) || !existsSync(outPath)) {
  console.error(`Snowball test vectors not found in ${dir}`);
  process.exit(1);
}
const voc = readFileSync(vocPath, 'utf8').split('\n');
const sb = readFileSync(outPath, 'utf8').split('\n');
while (voc.length && voc[voc.length - 1] === '') voc.pop();
while (sb.length && sb[sb.length - 1] === '') sb.pop();
if (voc.length !== sb.length) {
  console.error(`misaligned: ${voc.length} words but ${sb.length} stems`);
  process.exit(1);
}

// One entry per distinct normalized word (the voc holds a few spellings that fold together).
const ours = new Map<string, string>();
const theirs = new Map<string, string>();
for (let i = 0; i < voc.length; i++) {
  const w = normalizeWord(voc[i] as string);
  if (w === '' || ours.has(w)) continue;
  ours.set(w, lightStem(w));
  theirs.set(w, normalizeWord(sb[i] as string));
}
const words = [...ours.keys()];

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}
function groups(of: Map<string, string>): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const [w, s] of of) {
    const list = g.get(s);
    if (list) list.push(w);
    else g.set(s, [w]);
  }
  return g;
}
const gOurs = groups(ours);
const gTheirs = groups(theirs);
const both = new Map<string, number>();
for (const w of words) {
  const k = `${ours.get(w)}\u0000${theirs.get(w)}`;
  both.set(k, (both.get(k) ?? 0) + 1);
}
let togetherOurs = 0;
for (const g of gOurs.values()) togetherOurs += pairs(g.length);
let togetherTheirs = 0;
for (const g of gTheirs.values()) togetherTheirs += pairs(g.length);
let togetherBoth = 0;
for (const n of both.values()) togetherBoth += pairs(n);
const allPairs = pairs(words.length);
const onlyOurs = togetherOurs - togetherBoth;
const onlyTheirs = togetherTheirs - togetherBoth;
const apartBoth = allPairs - togetherBoth - onlyOurs - onlyTheirs;
const precision = togetherBoth / togetherOurs;
const recall = togetherBoth / togetherTheirs;

// Words whose whole group is the same set under both stemmers.
let alike = 0;
for (const w of words) {
  const a = gOurs.get(ours.get(w) as string) as string[];
  const b = gTheirs.get(theirs.get(w) as string) as string[];
  if (a.length !== b.length) continue;
  const sbStem = theirs.get(w);
  if (a.every((x) => theirs.get(x) === sbStem)) alike++;
}
let identicalStems = 0;
for (const w of words) if (ours.get(w) === theirs.get(w)) identicalStems++;

/**
 * Describe how one word's two stems differ: which letters one stemmer removed at the front or the
 * back that the other kept.
 */
function pattern(word: string, a: string, b: string): string {
  if (a === b) return 'same';
  const side = (longer: string, shorter: string, who: string): string | null => {
    const at = longer.indexOf(shorter);
    if (at < 0) return null;
    const front = longer.slice(0, at);
    const back = longer.slice(at + shorter.length);
    return `${who} strips ${front ? front + '-' : ''}${front && back ? ' and ' : ''}${back ? '-' + back : ''}`;
  };
  return side(a, b, 'Snowball') ?? side(b, a, 'fahras') ?? (word.length > 0 ? 'other (rewrites the stem)' : 'other');
}

interface Tally {
  pairs: number;
  words: number;
  examples: string[];
}
// For the pairs Snowball joins and we split: attribute each Snowball group's split pairs to the
// pattern of each of our sub-groups except the largest (the "odd ones out").
function tallyDisagreements(groupsA: Map<string, string[]>, stemOfB: Map<string, string>, label: (w: string) => string): Map<string, Tally> {
  const t = new Map<string, Tally>();
  for (const members of groupsA.values()) {
    if (members.length < 2) continue;
    const sub = new Map<string, string[]>();
    for (const w of members) {
      const s = stemOfB.get(w) as string;
      const l = sub.get(s);
      if (l) l.push(w);
      else sub.set(s, [w]);
    }
    if (sub.size < 2) continue;
    const parts = [...sub.values()].sort((x, y) => y.length - x.length);
    for (const part of parts.slice(1)) {
      const key = label(part[0] as string);
      const entry = t.get(key) ?? { pairs: 0, words: 0, examples: [] };
      entry.pairs += part.length * (members.length - part.length);
      entry.words += part.length;
      if (entry.examples.length < nExamples) entry.examples.push(`${part[0]}→${ours.get(part[0] as string)} (Snowball ${theirs.get(part[0] as string)})`);
      t.set(key, entry);
    }
  }
  return t;
}
const label = (w: string): string => pattern(w, ours.get(w) as string, theirs.get(w) as string);
const splitBySnowballGroups = tallyDisagreements(gTheirs, ours, label);
const joinedByOurGroups = tallyDisagreements(gOurs, theirs, label);
const top = (m: Map<string, Tally>, n: number): [string, Tally][] => [...m].sort((a, b) => b[1].pairs - a[1].pairs).slice(0, n);

const largest = (g: Map<string, string[]>, n: number): string[] =>
  [...g].sort((a, b) => b[1].length - a[1].length).slice(0, n).map(([s, l]) => `${s} (${l.length})`);

const result = {
  bench: 'stemmer-compare',
  words: words.length,
  stemsOurs: gOurs.size,
  stemsSnowball: gTheirs.size,
  identicalStems,
  conflatedAlike: alike,
  pairsTogetherBoth: togetherBoth,
  pairsOnlyOurs: onlyOurs,
  pairsOnlySnowball: onlyTheirs,
  pairsApartBoth: apartBoth,
  precisionVsSnowball: Number(precision.toFixed(4)),
  recallVsSnowball: Number(recall.toFixed(4)),
  topSnowballOnly: top(splitBySnowballGroups, 12).map(([k, v]) => ({ pattern: k, ...v })),
  topOursOnly: top(joinedByOurGroups, 12).map(([k, v]) => ({ pattern: k, ...v })),
};

if (json) console.log(JSON.stringify(result));
else {
  const pct = (x: number, of: number): string => `${((100 * x) / of).toFixed(1)}%`;
  console.log(`stemmer comparison on ${voc.length} Snowball test words (${words.length} distinct after normalization)`);
  console.log(`  distinct stems: fahras ${gOurs.size}, Snowball ${gTheirs.size}; identical stem strings for ${pct(identicalStems, words.length)} of words`);
  console.log(`  words conflated alike (same group of words under both): ${alike} (${pct(alike, words.length)})`);
  console.log(`  word pairs together in both:        ${togetherBoth}`);
  console.log(`  word pairs together only in fahras: ${onlyOurs}`);
  console.log(`  word pairs together only in Snowball: ${onlyTheirs}`);
  console.log(`  precision of fahras vs Snowball ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
  console.log(`  largest fahras groups: ${largest(gOurs, 8).join(', ')}`);
  console.log(`  largest Snowball groups: ${largest(gTheirs, 8).join(', ')}`);
  console.log('\nTop patterns Snowball joins and fahras keeps apart (pairs, words, examples):');
  for (const [k, v] of top(splitBySnowballGroups, 12)) console.log(`  ${String(v.pairs).padStart(8)} ${String(v.words).padStart(6)}  ${k}: ${v.examples.join(', ')}`);
  console.log('\nTop patterns fahras joins and Snowball keeps apart:');
  for (const [k, v] of top(joinedByOurGroups, 12)) console.log(`  ${String(v.pairs).padStart(8)} ${String(v.words).padStart(6)}  ${k}: ${v.examples.join(', ')}`);
}
